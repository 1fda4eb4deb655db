using Xunit;

namespace TaskActors.EndToEnd.Tests.Chaos;

/// <summary>
/// The multi-process cluster tests (the chaos suite and the failover test): each starts its own redis-server, several
/// silos and gateways, and measures failover times, so they run one at a time, after the tests that run in parallel,
/// never beside each other on a 2-core machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterProcessTests
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Cluster processes";
}
