using Microsoft.AspNetCore.Builder;
using TaskActors.ServiceDefaults.Startup;

namespace Microsoft.Extensions.Hosting;

/// <summary>How every TaskActors executable builds, checks and runs its host.</summary>
public static class TaskActorsHost
{
    /// <summary>
    /// Builds a web application with <c>AddServiceDefaults()</c> and <paramref name="configure"/>, listening on
    /// <paramref name="defaultUrl"/> unless <c>urls</c> or <c>http_ports</c> say otherwise; maps the default endpoints and
    /// <paramref name="map"/>'s, and runs it until it is stopped. A process that cannot start exits with code 1 and one
    /// message on standard error listing every problem, each with its setting's configuration path (every invalid
    /// setting of every options type, or the port that is already in use), without a stack trace; an unexpected failure
    /// is printed in full, and exits with 1 as well.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, string defaultUrl, Action<WebApplicationBuilder> configure, Action<WebApplication> map)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(map);
        try
        {
            return await new HostStartup(args, defaultUrl, configure, map).RunAsync(Console.Error);
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync($"{AppDomain.CurrentDomain.FriendlyName} failed: {ex}");
            return 1;
        }
    }
}
