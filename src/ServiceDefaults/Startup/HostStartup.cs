using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TaskActors.ServiceDefaults.Logging;

namespace TaskActors.ServiceDefaults.Startup;

/// <summary>
/// Builds, checks and runs one process (see <c>TaskActorsHost.RunAsync</c>). Every problem with the settings is found
/// before anything starts: a value that does not convert is reported and then treated as unset, and the host is built
/// again, so the values after it are checked too; then every options type is validated.
/// </summary>
internal sealed class HostStartup(string[] args, string defaultUrl, Action<WebApplicationBuilder> configure, Action<WebApplication> map)
{
    // Each unconvertible value costs one more build; past this many the list is long enough to act on.
    private const int MaxUnconvertible = 32;

    private readonly StartupProblems _problems = new();
    private readonly List<string> _unset = [];

    /// <summary>Runs the process until it is stopped; the exit code is 0, or 1 when it could not start.</summary>
    public async Task<int> RunAsync(TextWriter error)
    {
        var app = await BuildCheckedAsync();
        if (app is null)
        {
            return _problems.Report(error);
        }

        await using (app)
        {
            app.MapDefaultEndpoints();
            map(app);
            foreach (var problem in PortInUse.TakenSiloPorts(app))
            {
                _problems.Add(problem);
            }

            if (_problems.Any)
            {
                return _problems.Report(error);
            }

            try
            {
                await app.StartAsync();
            }
            catch (Exception ex) when (PortInUse.IsCause(ex))
            {
                _problems.Add(PortInUse.Describe(ex, app, defaultUrl));
                await StopAsync(app);
                return _problems.Report(error);
            }

            app.Services.GetRequiredService<StartupPhase>().Complete();
            await app.WaitForShutdownAsync();
            return 0;
        }
    }

    // Stops what did start (Orleans starts before Kestrel), so it shuts down in order and frees its ports.
    private static async Task StopAsync(WebApplication app)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await app.StopAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or AggregateException)
        {
            // It did not stop in time, or a service that never started refused to stop (Orleans' silo does); the process
            // exits with the start-up problem either way.
        }
    }

    private async Task<WebApplication?> BuildCheckedAsync()
    {
        while (true)
        {
            WebApplication? app = null;
            try
            {
                var builder = CreateBuilder();
                var options = OptionsCheck.OptionsOf(builder.Services);
                app = builder.Build();
                // A setting reported as unconvertible reads as its type's default now; what validators say of that is noise.
                foreach (var failure in OptionsCheck.Failures(app.Services, options).Where(f => !_unset.Any(path => f.Contains(path, StringComparison.OrdinalIgnoreCase))))
                {
                    _problems.Add(failure);
                }

                if (!_problems.Any)
                {
                    return app;
                }

                await app.DisposeAsync();
                return null;
            }
            catch (Exception ex) when (UnconvertibleSetting.TryFind(ex, out var setting) && _unset.Count < MaxUnconvertible && !_unset.Contains(setting.Path, StringComparer.OrdinalIgnoreCase))
            {
                _problems.Add(setting.Problem);
                _unset.Add(setting.Path);
                if (app is not null)
                {
                    await app.DisposeAsync();
                }
            }
        }
    }

    private WebApplicationBuilder CreateBuilder()
    {
        // Settings come from the binary's folder, wherever it is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

        // Values already reported as unconvertible read as unset (the last source added wins).
        builder.Configuration.AddInMemoryCollection(_unset.Select(path => new KeyValuePair<string, string?>(path, null)));
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]) && string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.HttpPortsKey]))
        {
            // The development default, unless --urls, urls or ASPNETCORE_URLS (or ASPNETCORE_HTTP_PORTS) says otherwise.
            builder.WebHost.UseUrls(defaultUrl);
        }

        builder.AddServiceDefaults();
        configure(builder);
        return builder;
    }
}
