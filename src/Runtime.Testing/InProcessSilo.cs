using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TaskActors.Runtime.Abstractions.Core;
using TaskActors.Runtime.Activation;
using TaskActors.Runtime.Identity;
using TaskActors.Runtime.Lifecycle;
using TaskActors.Runtime.Membership;

namespace TaskActors.Runtime.Testing;

/// <summary>One silo of an <see cref="InProcessCluster"/>: its own host, sharing the cluster's store and clock.</summary>
public sealed class InProcessSilo
{
    internal InProcessSilo(string name, IHost host)
    {
        Name = name;
        Host = host;
        Address = host.Services.GetRequiredService<LocalEndpoint>().SiloAddress!;
    }

    /// <summary>The silo's name.</summary>
    public string Name { get; }

    /// <summary>The silo's host.</summary>
    public IHost Host { get; }

    /// <summary>The silo's address.</summary>
    public SiloAddress Address { get; }

    /// <summary>The silo's services.</summary>
    public IServiceProvider Services => Host.Services;

    /// <summary>A grain factory whose calls start in this silo.</summary>
    public IGrainFactory GrainFactory => Host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>How many activations this silo holds.</summary>
    public int ActivationCount => Host.Services.GetRequiredService<ActivationCatalog>().Count;

    /// <summary>Whether this silo holds an activation of the grain.</summary>
    public bool HasActivation(Abstractions.Identity.GrainId grainId) => Host.Services.GetRequiredService<ActivationCatalog>().TryGet(grainId, out _);

    /// <summary>Whether the silo has stopped or crashed.</summary>
    public bool IsStopped { get; internal set; }

    internal MembershipView Membership => Host.Services.GetRequiredService<MembershipView>();

    internal SiloLifecycleService Lifecycle => Host.Services.GetRequiredService<SiloLifecycleService>();

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Address})";
}
