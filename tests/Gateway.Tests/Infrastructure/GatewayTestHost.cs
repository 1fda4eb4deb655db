using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TaskActors.Gateway.Tests.Fixtures;
using TaskActors.Grains.Hosting;
using TaskActors.Runtime.Hosting;
using TaskActors.Runtime.Testing;
using TaskActors.TestKit;

namespace TaskActors.Gateway.Tests.Infrastructure;

/// <summary>
/// The gateway on ASP.NET Core's test server, either co-hosted in one silo (the development default) or as a runtime
/// client in front of an in-process cluster of silos (so tools run on other silos than the gateway's).
/// </summary>
public sealed class GatewayTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayTestHost(WebApplication app, InProcessCluster? cluster, TimeProvider timeProvider)
    {
        _app = app;
        Cluster = cluster;
        TimeProvider = timeProvider;
    }

    /// <summary>The silos behind a client gateway; null when co-hosted.</summary>
    public InProcessCluster? Cluster { get; }

    public TimeProvider TimeProvider { get; }

    public IServiceProvider Services => _app.Services;

    public HttpClient CreateHttpClient() => _app.GetTestClient();

    public McpHttpClient CreateClient() => new(_app.GetTestClient());

    /// <summary>One process: a silo with the gateway co-hosted, as the run command starts it.</summary>
    public static async Task<GatewayTestHost> StartCoHostedAsync(ILoggerProvider logging, IDictionary<string, string?>? settings = null, TimeProvider? timeProvider = null, ILoggerProvider? collector = null)
    {
        var time = timeProvider ?? TimeProvider.System;
        var builder = NewBuilder(logging, settings, time);
        if (collector is not null)
        {
            builder.Logging.AddProvider(collector);
        }

        builder.AddActorSilo(silo => silo.UseLocalCluster().AddTaskActorsGrains().AddTaskActorsMemoryStorage().AddFixtureServers());
        return await StartAsync(builder, null, time);
    }

    /// <summary>A cluster of <paramref name="silos"/> silos, and the gateway in its own host as a runtime client.</summary>
    public static async Task<GatewayTestHost> StartClusterAsync(ILoggerProvider logging, int silos, IDictionary<string, string?>? settings = null)
    {
        var cluster = await new InProcessClusterBuilder()
            .WithSilos(silos)
            .ConfigureLogging(l => l.AddProvider(logging))
            .ConfigureHost(host => host.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>()))
            .ConfigureRuntime(runtime => runtime.AddTaskActorsContracts())
            .ConfigureSilo(silo => silo.AddTaskActorsGrains().AddTaskActorsMemoryStorage().AddFixtureServers())
            .StartAsync();
        var builder = NewBuilder(logging, settings, TimeProvider.System);
        builder.AddActorClient(client => client.UseLocalCluster(cluster.Store).AddTaskActorsContracts());
        return await StartAsync(builder, cluster, TimeProvider.System);
    }

    /// <summary>Starts another gateway replica in front of the same cluster (cluster mode only).</summary>
    public async Task<GatewayTestHost> StartReplicaAsync(ILoggerProvider logging)
    {
        var cluster = Cluster ?? throw new InvalidOperationException("Replicas need a cluster host.");
        var builder = NewBuilder(logging, null, TimeProvider.System);
        builder.AddActorClient(client => client.UseLocalCluster(cluster.Store).AddTaskActorsContracts());
        return await StartAsync(builder, null, TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        // Shutdown bounds its waits (deactivation, call retries, deadlines) with the host's clock. A manual clock stands
        // still unless a test moves it, so while the host stops it runs on its own, ten times faster than real time.
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
        builder.Logging.AddProvider(logging);
        builder.Services.AddSingleton(time);
        builder.AddMcpGateway();
        return builder;
    }

    private static async Task<GatewayTestHost> StartAsync(WebApplicationBuilder builder, InProcessCluster? cluster, TimeProvider time)
    {
        var app = builder.Build();
        app.MapMcpGateway();
        await app.StartAsync();
        return new GatewayTestHost(app, cluster, time);
    }
}
