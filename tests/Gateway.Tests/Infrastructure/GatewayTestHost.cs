using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Orleans.TestingHost;
using TaskActors.Gateway.Tests.Fixtures;
using TaskActors.Grains;
using TaskActors.Grains.Abstractions.Serialization;
using TaskActors.Grains.Hosting;
using TaskActors.Storage.Records;
using TaskActors.TestKit;
using TaskActors.TestKit.Orleans;

namespace TaskActors.Gateway.Tests.Infrastructure;

/// <summary>
/// The gateway on ASP.NET Core's test server, either co-hosted in one Orleans silo (the run command's embedded default)
/// or as an Orleans client in front of an in-process Orleans test cluster (so tools run on other silos than the gateway's).
/// </summary>
public sealed class GatewayTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayTestHost(WebApplication app, TestCluster? cluster, TimeProvider timeProvider)
    {
        _app = app;
        Cluster = cluster;
        TimeProvider = timeProvider;
    }

    /// <summary>The silos behind a client gateway; null when co-hosted.</summary>
    public TestCluster? Cluster { get; }

    public TimeProvider TimeProvider { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The record store of task state (shared by every silo of a cluster).</summary>
    public IStateRecordStore TaskStore => Cluster?.Store ?? _app.Services.GetRequiredKeyedService<IStateRecordStore>(StorageNames.Tasks);

    /// <summary>Every in-memory record store of this host's grain states (co-hosted), or the cluster's shared one.</summary>
    public IEnumerable<MemoryStateRecordStore> MemoryStores() => Cluster is { } cluster
        ? [cluster.Store]
        : StorageNames.All.Select(name => _app.Services.GetRequiredKeyedService<IStateRecordStore>(name)).OfType<MemoryStateRecordStore>().Distinct();

    public HttpClient CreateHttpClient() => _app.GetTestClient();

    public McpHttpClient CreateClient() => new(_app.GetTestClient());

    /// <summary>One process: a silo with the gateway co-hosted, as the run command starts it (on free ports).</summary>
    public static async Task<GatewayTestHost> StartCoHostedAsync(ILoggerProvider logging, IDictionary<string, string?>? settings = null, TimeProvider? timeProvider = null, ILoggerProvider? collector = null)
    {
        var time = timeProvider ?? TimeProvider.System;
        var ports = FreePorts.Take(2);
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["TaskActors:Cluster:SiloPort"] = ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["TaskActors:Cluster:GatewayPort"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var builder = NewBuilder(logging, all, time);
        if (collector is not null)
        {
            builder.Logging.AddProvider(collector);
        }

        builder.AddTaskActorsSilo(silo => silo.AddFixtureServers());
        return await StartAsync(builder, null, time);
    }

    /// <summary>An Orleans test cluster of <paramref name="silos"/> silos, and the gateway in its own host as a client.</summary>
    public static async Task<GatewayTestHost> StartClusterAsync(ILoggerProvider logging, int silos, IDictionary<string, string?>? settings = null)
    {
        var cluster = await TestCluster.StartAsync(logging, silos, settings);
        var builder = NewBuilder(logging, settings, TimeProvider.System);
        cluster.AddClient(builder.Services);
        return await StartAsync(builder, cluster, TimeProvider.System);
    }

    /// <summary>Starts another gateway replica in front of the same cluster (cluster mode only).</summary>
    public async Task<GatewayTestHost> StartReplicaAsync(ILoggerProvider logging)
    {
        var cluster = Cluster ?? throw new InvalidOperationException("Replicas need a cluster host.");
        var builder = NewBuilder(logging, null, TimeProvider.System);
        cluster.AddClient(builder.Services);
        return await StartAsync(builder, null, TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        // Shutdown bounds its waits with the host's clock. A manual clock stands still unless a test moves it, so while
        // the host stops it runs on its own, ten times faster than real time.
        using var stopped = new CancellationTokenSource();
        var ticking = TimeProvider is ManualTimeProvider manual ? TickUntilAsync(manual, stopped.Token) : Task.CompletedTask;
        try
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            if (Cluster is not null)
            {
                await Cluster.DisposeAsync();
            }
        }
        finally
        {
            await stopped.CancelAsync();
            await ticking;
        }
    }

    private static async Task TickUntilAsync(ManualTimeProvider clock, CancellationToken stopped)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(stopped))
            {
                clock.Advance(TimeSpan.FromMilliseconds(100));
            }
        }
        catch (OperationCanceledException)
        {
            // The host has stopped.
        }
    }

    private static WebApplicationBuilder NewBuilder(ILoggerProvider logging, IDictionary<string, string?>? settings, TimeProvider time)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development, ApplicationName = typeof(GatewayTestHost).Assembly.GetName().Name });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        builder.Logging.AddProvider(logging);
        builder.Services.UseTestClock(time);
        builder.AddMcpGateway();
        return builder;
    }

    private static async Task<GatewayTestHost> StartAsync(WebApplicationBuilder builder, TestCluster? cluster, TimeProvider time)
    {
        var app = builder.Build();
        app.MapMcpGateway();
        await app.StartAsync();
        return new GatewayTestHost(app, cluster, time);
    }
}
