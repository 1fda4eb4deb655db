using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TaskActors.Runtime.Hosting;

/// <summary>The builder handed to <c>AddActorSilo</c> and <c>AddActorClient</c> callbacks.</summary>
internal sealed class ActorRuntimeBuilder(IServiceCollection services, IConfiguration configuration) : ISiloBuilder, IClientBuilder
{
    public IServiceCollection Services { get; } = services;

    public IConfiguration Configuration { get; } = configuration;
}
