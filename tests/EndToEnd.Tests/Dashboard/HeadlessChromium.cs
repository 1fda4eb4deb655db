using System.Diagnostics;
using System.Globalization;

namespace TaskActors.EndToEnd.Tests.Dashboard;

/// <summary>
/// Debian's <c>chromium</c>, run headless once per page: it loads the page, lets the page's scripts run for a budget of
/// virtual time (the dashboard polls its API every second), then prints the rendered DOM or writes a screenshot. Each
/// run has a profile folder of its own, so runs in parallel tests do not share one.
/// </summary>
public static class HeadlessChromium
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(60);

    /// <summary>Loads <paramref name="url"/> and returns the DOM as it stands after <paramref name="scriptTime"/> of virtual time.</summary>
    public static async Task<string> DumpDomAsync(string url, TimeSpan scriptTime, CancellationToken cancellationToken) =>
        (await RunAsync(["--dump-dom", url], scriptTime, cancellationToken)).Stdout;

    /// <summary>Loads <paramref name="url"/> in a window of <paramref name="width"/> by <paramref name="height"/> and saves a PNG of it to <paramref name="file"/>.</summary>
    public static async Task ScreenshotAsync(string url, string file, int width, int height, TimeSpan scriptTime, CancellationToken cancellationToken)
    {
        File.Delete(file);
        var (_, stderr) = await RunAsync(
            [$"--screenshot={file}", $"--window-size={width.ToString(CultureInfo.InvariantCulture)},{height.ToString(CultureInfo.InvariantCulture)}", "--hide-scrollbars", url],
            scriptTime,
            cancellationToken);
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"chromium wrote no screenshot of {url} to {file}. Its output:\n{stderr}");
        }
    }

    private static async Task<(string Stdout, string Stderr)> RunAsync(IReadOnlyList<string> arguments, TimeSpan scriptTime, CancellationToken cancellationToken)
    {
        var profile = Directory.CreateTempSubdirectory("taskactors-chromium-");
        try
        {
            var start = new ProcessStartInfo(FindBinary())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                ArgumentList =
                {
                    "--headless",
                    "--disable-gpu",

                    // Test machines run as root in containers, where Chromium's sandbox cannot start.
                    "--no-sandbox",
                    "--disable-dev-shm-usage",
                    "--no-first-run",
                    "--window-size=1400,900",
                    $"--user-data-dir={profile.FullName}",
                    $"--virtual-time-budget={((int)scriptTime.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}",
                },
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken).WaitAsync(RunLimit, cancellationToken);
            }
            catch (TimeoutException ex)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish {string.Join(' ', arguments)} within {RunLimit}.", ex);
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"chromium {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await stderr}");
            }

            return (await stdout, await stderr);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    /// <summary>The browser binary on the PATH; fails with the command that installs it when there is none.</summary>
    public static string FindBinary()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException(
            "The dashboard tests open the dashboard in a real headless browser, and no chromium is on the PATH. Install Debian's: apt-get install -y chromium (scripts/test.sh does).");
    }
}
