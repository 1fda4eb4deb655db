using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TaskActors.SampleServers.Tests.Harness;

/// <summary>A silo builder over a bare service collection: what <c>AddActorSilo</c> hands its callback, without the runtime.</summary>
internal sealed class TestSiloBuilder : ISiloBuilder
{
    public IServiceCollection Services { get; } = new ServiceCollection();

    public IConfiguration Configuration { get; } = new ConfigurationBuilder().Build();
}
