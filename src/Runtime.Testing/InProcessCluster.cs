using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TaskActors.Runtime.Abstractions.Core;
using TaskActors.Runtime.Activation;
using TaskActors.Runtime.Hosting;
using TaskActors.Runtime.Identity;
using TaskActors.Runtime.Membership;

namespace TaskActors.Runtime.Testing;

/// <summary>
/// Several silos in one process, each its own host, sharing one <see cref="LocalClusterStore"/> (membership,
/// directory, reminders, storage, network) and one clock, plus a client host. Calls between silos go through the
/// same serialization and transport interface as between processes.
/// </summary>
public sealed class InProcessCluster : IAsyncDisposable
{
    private readonly Action<HostApplicationBuilder, LocalClusterStore> _configureSilo;
    private readonly Action<HostApplicationBuilder, LocalClusterStore> _configureClient;
    private readonly List<InProcessSilo> _silos = [];
    private readonly Lock _lock = new();
    private IHost? _client;
    private int _nextIndex;

    internal InProcessCluster(
        LocalClusterStore store,
        TimeProvider timeProvider,
        Action<HostApplicationBuilder, LocalClusterStore> configureSilo,
        Action<HostApplicationBuilder, LocalClusterStore> configureClient)
    {
        Store = store;
        TimeProvider = timeProvider;
        _configureSilo = configureSilo;
        _configureClient = configureClient;
    }

    /// <summary>The shared in-memory providers.</summary>
    public LocalClusterStore Store { get; }

    /// <summary>The shared clock.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The running silos.</summary>
    public IReadOnlyList<InProcessSilo> Silos
    {
        get
        {
            lock (_lock)
            {
                return [.. _silos];
            }
        }
    }

    /// <summary>A grain factory of the cluster's client (a process that hosts no grains).</summary>
    public IGrainFactory Client => (_client ?? throw new InvalidOperationException("The cluster has no client yet.")).Services.GetRequiredService<IGrainFactory>();

    /// <summary>The client's services.</summary>
    public IServiceProvider ClientServices => (_client ?? throw new InvalidOperationException("The cluster has no client yet.")).Services;

    /// <summary>Starts one more silo and waits until every view sees it active.</summary>
    public async Task<InProcessSilo> StartSiloAsync(CancellationToken cancellationToken = default)
    {
        var index = Interlocked.Increment(ref _nextIndex);
        var name = $"silo-{index}";
        var builder = NewBuilder(name);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TaskActors:Silo:SiloName"] = name,
            ["TaskActors:Silo:AdvertisedHost"] = "inproc",
            ["TaskActors:Silo:SiloPort"] = (11110 + index).ToString(CultureInfo.InvariantCulture),
        });
        _configureSilo(builder, Store);
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var silo = new InProcessSilo(name, host);
        lock (_lock)
        {
            _silos.Add(silo);
        }

        await RefreshMembershipAsync(cancellationToken);
        return silo;
    }

    /// <summary>Stops a silo gracefully: it drains, deactivates (writing nothing it had not written) and leaves.</summary>
    public async Task StopSiloAsync(InProcessSilo silo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(silo);
        await silo.Host.StopAsync(cancellationToken);
        silo.Host.Dispose();
        Forget(silo);
        await RefreshMembershipAsync(cancellationToken);
    }

    /// <summary>
    /// Crashes a silo: it stops answering at once (calls it held fail at their callers), writes no status and no
    /// state, and stays listed as active until the others declare it dead.
    /// </summary>
    public async Task KillSiloAsync(InProcessSilo silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        await silo.Lifecycle.CrashAsync();
        silo.Services.GetRequiredService<ActivationCatalog>().Abandon();
        await silo.Host.StopAsync(CancellationToken.None);
        silo.Host.Dispose();
        Forget(silo);
    }

    /// <summary>Makes every silo and the client re-read the membership table now.</summary>
    public async Task RefreshMembershipAsync(CancellationToken cancellationToken = default)
    {
        foreach (var silo in Silos)
        {
            await silo.Membership.RefreshAsync(cancellationToken);
        }

        if (_client is not null)
        {
            await _client.Services.GetRequiredService<MembershipView>().RefreshAsync(cancellationToken);
        }
    }

    /// <summary>Waits until a running silo's view shows <paramref name="address"/> as dead.</summary>
    /// <exception cref="TimeoutException">It was not declared dead within <paramref name="timeout"/>.</exception>
    public async Task WaitForSiloDeclaredDeadAsync(SiloAddress address, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var silos = Silos;
        var observer = (silos.Count > 0 ? silos[0] : null) ?? throw new InvalidOperationException("No running silo can observe membership.");
        var declared = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (observer.Membership.Subscribe(snapshot =>
        {
            if (snapshot.IsDead(address))
            {
                declared.TrySetResult();
            }
        }))
        {
            if (!observer.Membership.IsDead(address))
            {
                try
                {
                    await declared.Task.WaitAsync(timeout, cancellationToken);
                }
                catch (TimeoutException ex)
                {
                    throw new TimeoutException($"Silo {address} was not declared dead within {timeout} (observer {observer.Name}).", ex);
                }
            }
        }

        await RefreshMembershipAsync(cancellationToken);
    }

    internal async Task StartClientAsync(CancellationToken cancellationToken)
    {
        var builder = NewBuilder("client");
        _configureClient(builder, Store);
        _client = builder.Build();
        await _client.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
            _client = null;
        }

        foreach (var silo in Silos.Reverse())
        {
            await silo.Host.StopAsync();
            silo.Host.Dispose();
            Forget(silo);
        }
    }

    private static HostApplicationBuilder NewBuilder(string name) => Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
    {
        DisableDefaults = true,
        ApplicationName = name,
        EnvironmentName = Environments.Development,
    });

    private void Forget(InProcessSilo silo)
    {
        silo.IsStopped = true;
        lock (_lock)
        {
            _silos.Remove(silo);
        }
    }
}
