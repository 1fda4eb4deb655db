using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TaskActors.Runtime.Hosting;

namespace TaskActors.Runtime.Testing;

/// <summary>Configures an <see cref="InProcessCluster"/>.</summary>
public sealed class InProcessClusterBuilder
{
    private readonly List<Action<ISiloBuilder>> _siloConfigurations = [];
    private readonly List<Action<IHostApplicationBuilder>> _hostConfigurations = [];
    private readonly List<Action<IActorRuntimeBuilder>> _runtimeConfigurations = [];
    private int _initialSilos = 1;
    private TimeProvider _timeProvider = TimeProvider.System;
    private Action<ILoggingBuilder>? _logging;

    /// <summary>How many silos start with the cluster (default 1).</summary>
    public InProcessClusterBuilder WithSilos(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _initialSilos = count;
        return this;
    }

    /// <summary>The clock every silo and the store share (default: the system clock).</summary>
    public InProcessClusterBuilder WithTimeProvider(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        return this;
    }

    /// <summary>Adds silo configuration (grains, storage, options), applied to every silo.</summary>
    public InProcessClusterBuilder ConfigureSilo(Action<ISiloBuilder> configure)
    {
        _siloConfigurations.Add(configure);
        return this;
    }

    /// <summary>Adds configuration applied to every silo and the client alike (JSON contexts, for example).</summary>
    public InProcessClusterBuilder ConfigureRuntime(Action<IActorRuntimeBuilder> configure)
    {
        _runtimeConfigurations.Add(configure);
        return this;
    }

    /// <summary>Adds host configuration (services, configuration values), applied to every silo and the client.</summary>
    public InProcessClusterBuilder ConfigureHost(Action<IHostApplicationBuilder> configure)
    {
        _hostConfigurations.Add(configure);
        return this;
    }

    /// <summary>Sets up logging of every host (for example routing it to the test output).</summary>
    public InProcessClusterBuilder ConfigureLogging(Action<ILoggingBuilder> configure)
    {
        _logging = configure;
        return this;
    }

    /// <summary>Starts the silos and a client, and returns once every silo is active in every view.</summary>
    public async Task<InProcessCluster> StartAsync(CancellationToken cancellationToken = default)
    {
        var cluster = new InProcessCluster(new LocalClusterStore(_timeProvider), _timeProvider, ConfigureSiloHost, ConfigureClientHost);
        try
        {
            for (var i = 0; i < _initialSilos; i++)
            {
                await cluster.StartSiloAsync(cancellationToken);
            }

            await cluster.StartClientAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private void ConfigureSiloHost(HostApplicationBuilder builder, LocalClusterStore store)
    {
        ConfigureCommon(builder);
        builder.AddActorSilo(silo =>
        {
            silo.UseLocalCluster(store);
            foreach (var configure in _runtimeConfigurations)
            {
                configure(silo);
            }

            foreach (var configure in _siloConfigurations)
            {
                configure(silo);
            }
        });
    }

    private void ConfigureClientHost(HostApplicationBuilder builder, LocalClusterStore store)
    {
        ConfigureCommon(builder);
        builder.AddActorClient(client =>
        {
            client.UseLocalCluster(store);
            foreach (var configure in _runtimeConfigurations)
            {
                configure(client);
            }
        });
    }

    private void ConfigureCommon(HostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(_timeProvider);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        _logging?.Invoke(builder.Logging);
        foreach (var configure in _hostConfigurations)
        {
            configure(builder);
        }
    }
}
