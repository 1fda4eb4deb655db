using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace TaskActors.Gateway.Hosting;

/// <summary>
/// The call bounds of a gateway that is an Orleans client. A client learns that the silo holding a grain died only when
/// its call times out, so calls time out after <c>ClientResponseTimeout</c> and long polls end a second before that:
/// a <c>tasks/result</c> stream then finds its task re-created on a survivor within a few seconds.
/// </summary>
public static class ClusterClientLimits
{
    /// <summary>Applies <paramref name="responseTimeout"/> to the client's calls and the gateway's long polls.</summary>
    public static IServiceCollection AddClusterClientLimits(this IServiceCollection services, TimeSpan responseTimeout)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = responseTimeout);
        var longest = responseTimeout - TimeSpan.FromSeconds(1);
        services.PostConfigure<Configuration.GatewayOptions>(o => o.LongPollWait = o.LongPollWait > longest ? longest : o.LongPollWait);
        return services;
    }
}
