using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TaskActors.Runtime.Hosting;

/// <summary>What silo and client builders share: the services and configuration providers are added to.</summary>
public interface IActorRuntimeBuilder
{
    /// <summary>The host's services.</summary>
    IServiceCollection Services { get; }

    /// <summary>The host's configuration.</summary>
    IConfiguration Configuration { get; }
}
