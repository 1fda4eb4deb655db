using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Orleans.TestingHost;
using TaskActors.Gateway.Tests.Fixtures;
using TaskActors.Gateway.Hosting;
using TaskActors.Grains;
using TaskActors.Grains.Abstractions.Cluster;
using TaskActors.Grains.Abstractions.Serialization;
using TaskActors.Grains.Hosting;
using TaskActors.Storage.Records;
using TaskActors.TestKit;

namespace TaskActors.Gateway.Tests.Infrastructure;

/// <summary>
/// An Orleans in-process test cluster of silos hosting TaskActors' grains and the fixture servers. Its silos share one
/// in-memory record store, as the silos of a real cluster share Redis, so a grain re-created on a survivor finds its state.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly InProcessTestCluster _cluster;

    private TestCluster(InProcessTestCluster cluster, MemoryStateRecordStore store)
    {
        _cluster = cluster;
        Store = store;
    }

    /// <summary>The store every silo keeps grain state in.</summary>
    public MemoryStateRecordStore Store { get; }

    /// <summary>The cluster's client, which gateway hosts call grains through.</summary>
    public IClusterClient Client => _cluster.Client;

    /// <summary>The silos that are running.</summary>
    public IReadOnlyList<InProcessSiloHandle> Silos => [.. _cluster.Silos.Where(s => s.IsActive)];

    public static async Task<TestCluster> StartAsync(ILoggerProvider logging, int silos, IDictionary<string, string?>? settings)
    {
        var store = new MemoryStateRecordStore(TimeProvider.System);
        var builder = new InProcessTestClusterBuilder(checked((short)silos));
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
            host.Logging.ClearProviders();
            host.Logging.SetMinimumLevel(LogLevel.Debug);
            host.Logging.AddFilter("Orleans", LogLevel.Warning);
            host.Logging.AddProvider(logging);
        });
        builder.ConfigureSilo((_, silo) => silo
            .UseTaskActorsClusterDefaults()
            .AddActivityPropagation()
            .AddTaskActorsGrains()
            .AddRecordStorage((_, _) => store, StorageNames.All)
            .UseTestReminders()
            .AddFixtureServers());
        builder.ConfigureClientHost(host =>
        {
            host.Logging.ClearProviders();
            host.Logging.AddProvider(logging);
        });
        builder.ConfigureClient(client => client
            .AddActivityPropagation()
            .Services
            .AddClusterClientLimits(new ClusterSettings().ClientResponseTimeout)
            .AddSerializer(serializer => serializer.AddTaskActorsContracts()));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new TestCluster(cluster, store);
    }

    /// <summary>Lets a gateway host call the cluster through its client.</summary>
    public void AddClient(IServiceCollection services)
    {
        services.AddClusterClientLimits(new ClusterSettings().ClientResponseTimeout);
        services.AddSingleton(Client);
        services.AddSingleton<IGrainFactory>(Client);
    }

    /// <summary>The silo that holds the activation of <paramref name="grainId"/>, or null when none does.</summary>
    public InProcessSiloHandle? HolderOf(GrainId grainId) =>
        _cluster.TryGetGrainContext(grainId, out var context) ? Silos.SingleOrDefault(s => s.SiloAddress.Equals(context.Address.SiloAddress)) : null;

    /// <summary>Stops a silo abruptly, without a graceful shutdown (Orleans' test host kill: the process survives).</summary>
    public Task KillSiloAsync(InProcessSiloHandle silo) => _cluster.KillSiloAsync(silo);

    /// <summary>Whether <paramref name="grainId"/> has the reminder <paramref name="name"/> in the cluster's reminder table.</summary>
    public async Task<bool> HasReminderAsync(GrainId grainId, string name)
    {
        var table = _cluster.GetSiloServiceProvider(Silos[0].SiloAddress).GetRequiredService<IReminderTable>();
        return (await table.ReadRows(grainId)).Reminders.Any(r => r.ReminderName == name);
    }

    /// <summary>Stops a silo gracefully: its activations deactivate and it leaves the cluster.</summary>
    public Task StopSiloAsync(InProcessSiloHandle silo) => _cluster.StopSiloAsync(silo);

    /// <summary>Waits until the cluster's membership no longer lists <paramref name="silo"/> as active.</summary>
    public Task WaitForSiloDeclaredDeadAsync(SiloAddress silo, TimeSpan timeout, CancellationToken cancellationToken) =>
        Eventually.WaitUntilAsync(
            async () => !(await Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).ContainsKey(silo),
            $"silo {silo} is declared dead",
            timeout,
            cancellationToken);

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();
}

/// <summary>The test cluster's reminder table.</summary>
internal static class TestReminders
{
    /// <summary>
    /// Reminders in Redis when the settings name one (<c>TaskActors:Cluster:Redis</c>), so that they outlive any silo as
    /// in production; otherwise Orleans' in-memory table, which lives in one silo's grain and dies with it.
    /// </summary>
    public static ISiloBuilder UseTestReminders(this ISiloBuilder silo) =>
        silo.Configuration["TaskActors:Cluster:Redis"] is { Length: > 0 } redis
            ? silo.UseRedisReminderService(o => o.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(redis))
            : silo.UseInMemoryReminderService();
}
