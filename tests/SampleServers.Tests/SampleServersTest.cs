using TaskActors.SampleServers.Tests.Harness;
using TaskActors.TestKit;

namespace TaskActors.SampleServers.Tests;

/// <summary>Base of the tests that run the sample servers' handlers as a silo does.</summary>
public abstract class SampleServersTest : LoggedTest
{
    internal Task<SampleServersHost> StartHostAsync(TimeProvider? timeProvider = null) =>
        SampleServersHost.StartAsync(LoggerProvider, timeProvider, TestCancellation);
}
