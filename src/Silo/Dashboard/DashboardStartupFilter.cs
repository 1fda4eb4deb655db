using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace TaskActors.Silo.Dashboard;

/// <summary>
/// Puts the dashboard in front of the application's pipeline: requests under <see cref="SiloDashboardOptions.Path"/>
/// pass <see cref="DashboardAccessMiddleware"/> and then the dashboard's own endpoints, in a branch with its own
/// routing, so the dashboard's routes are never matched outside its path and the guard covers every one of them.
/// Requests the dashboard does not answer continue into the application.
/// </summary>
internal sealed partial class DashboardStartupFilter(IOptions<SiloDashboardOptions> options, ILogger<DashboardStartupFilter> logger) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var settings = options.Value;
        var path = new PathString(settings.Path);
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(path),
            dashboard =>
            {
                dashboard.UseMiddleware<DashboardAccessMiddleware>();
                dashboard.UseRouting();
                dashboard.UseEndpoints(endpoints => endpoints.MapOrleansDashboard(path));
            });
        LogServing(logger, settings.Path + "/", settings.RequiresCredentials ? "clients with the configured basic-authentication credentials" : "loopback clients only");
        next(app);
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Orleans Dashboard at {Path} on the silo's HTTP port, for {Access}")]
    private static partial void LogServing(ILogger logger, string path, string access);
}
