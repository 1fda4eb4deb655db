using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TaskActors.Runtime.Abstractions.Core;
using TaskActors.Runtime.Hosting;
using TaskActors.Runtime.Testing;
using TaskActors.Runtime.Tests.Grains;
using Xunit;

namespace TaskActors.Runtime.Tests.Hosting;

public sealed class SiloHostingTests : ClusterTest
{
    [Fact]
    public void AddActorSilo_FailsNamingTheMissingCall_WithoutClusterProviders()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddActorSilo(silo => silo.AddGrain<CounterGrain>()));

        Assert.Contains("UseLocalCluster()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silo_FailsToStart_WhenAGrainTypeHasNoJsonMetadata()
    {
        var build = new InProcessClusterBuilder()
            .ConfigureLogging(ConfigureLogging)
            .ConfigureSilo(silo => silo.AddGrain<CounterGrain>().AddMemoryGrainStorage("test"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => build.StartAsync(TestCancellation));

        Assert.Contains("CounterState", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddJsonTypeInfoResolver", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silo_FailsToStart_WhenAGrainsStorageIsNotRegistered()
    {
        var build = new InProcessClusterBuilder()
            .ConfigureLogging(ConfigureLogging)
            .ConfigureRuntime(runtime => runtime.AddJsonTypeInfoResolver(TestGrainsJsonContext.Default))
            .ConfigureSilo(silo => silo.AddGrain<CounterGrain>());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => build.StartAsync(TestCancellation));

        Assert.Contains("AddMemoryGrainStorage(\"test\")", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silo_FailsToStart_ListingEveryInvalidOption()
    {
        var build = new InProcessClusterBuilder()
            .ConfigureLogging(ConfigureLogging)
            .ConfigureHost(host => host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["TaskActors:Messaging:ResponseTimeout"] = "-00:00:01",
                ["TaskActors:Messaging:MaxResendCount"] = "1000",
            }))
            .ConfigureRuntime(runtime => runtime.AddJsonTypeInfoResolver(TestGrainsJsonContext.Default))
            .ConfigureSilo(silo => silo.AddGrain<CounterGrain>().AddMemoryGrainStorage("test"));

        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => build.StartAsync(TestCancellation));

        Assert.Contains("ResponseTimeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxResendCount", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GrainFactory_RefusesAnInterfaceThatIsNotAGrain()
    {
        var error = Assert.Throws<ArgumentException>(() => new Metadata.GrainMetadataRegistry(new Serialization.GrainSerializer([]), []).GetInterface(typeof(IDisposable)));

        Assert.Contains("not a grain interface", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_RefusesTwoGrainClassesWithOneGrainType()
    {
        var registrations = new[] { new Metadata.GrainClassRegistration(typeof(CounterGrain)), new Metadata.GrainClassRegistration(typeof(OtherCounterGrain)) };

        var error = Assert.Throws<InvalidOperationException>(() => new Metadata.GrainMetadataRegistry(new Serialization.GrainSerializer([new(TestGrainsJsonContext.Default)]), registrations));

        Assert.Contains("grain type 'counter'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A second class claiming the counter grain type, which the registry must refuse.</summary>
    [Abstractions.Identity.GrainType("counter")]
    private sealed class OtherCounterGrain : Grain, IGateGrain
    {
        public Task<string> HoldAsync(string gate, CancellationToken cancellationToken = default) => Task.FromResult(gate);

        public Task<string> PingAsync(CancellationToken cancellationToken = default) => Task.FromResult("ping");

        public Task<string> PeekAsync(CancellationToken cancellationToken = default) => Task.FromResult("peek");

        public Task<int> BusyAsync(int segments, CancellationToken cancellationToken = default) => Task.FromResult(segments);

        public Task<bool> WaitForCancellationAsync(string signal, CancellationToken cancellationToken = default) => Task.FromResult(false);

        public Task FailAsync(string kind, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<List<string>> MutateAsync(List<string> items, CancellationToken cancellationToken = default) => Task.FromResult(items);

        public Task<string> CallAsync(string otherKey, CancellationToken cancellationToken = default) => Task.FromResult(otherKey);

        public Task<string> CallBackAsync(string callerKey, CancellationToken cancellationToken = default) => Task.FromResult(callerKey);
    }
}
