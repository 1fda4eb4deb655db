using Microsoft.Extensions.Configuration;
using TaskActors.Runtime.Hosting;
using TaskActors.Runtime.Testing;
using TaskActors.Runtime.Tests.Grains;
using TaskActors.TestKit;

namespace TaskActors.Runtime.Tests;

/// <summary>Base for tests that run the test grains on an in-process cluster.</summary>
public abstract class ClusterTest : LoggedTest
{
    /// <summary>Starts a cluster of <paramref name="silos"/> silos with the test grains and the given configuration values.</summary>
    protected Task<InProcessCluster> StartClusterAsync(int silos, IDictionary<string, string?>? settings = null, TimeProvider? timeProvider = null) =>
        new InProcessClusterBuilder()
            .WithSilos(silos)
            .WithTimeProvider(timeProvider ?? TimeProvider.System)
            .ConfigureLogging(ConfigureLogging)
            .ConfigureHost(host => host.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>()))
            .ConfigureRuntime(runtime => runtime.AddJsonTypeInfoResolver(TestGrainsJsonContext.Default))
            .ConfigureSilo(silo => silo.AddGrain<CounterGrain>().AddGrain<GateGrain>().AddMemoryGrainStorage("test"))
            .StartAsync(TestCancellation);

    /// <summary>Settings for fast failure detection with the real clock: a crashed silo is declared dead within about a second.</summary>
    protected static Dictionary<string, string?> FastMembership() => new()
    {
        ["TaskActors:Membership:IAmAlivePeriod"] = "00:00:00.100",
        ["TaskActors:Membership:DeathTimeout"] = "00:00:00.800",
        ["TaskActors:Membership:TableRefreshPeriod"] = "00:00:00.200",
    };

    protected static string NewKey(string prefix = "g") => $"{prefix}-{Guid.NewGuid():N}";
}
