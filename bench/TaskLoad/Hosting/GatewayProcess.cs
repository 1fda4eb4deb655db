using System.Diagnostics;
using System.Globalization;

namespace TaskActors.TaskLoad.Hosting;

/// <summary>
/// A gateway process of a local cluster, started the way scripts/local-cluster.sh starts one (the Release Gateway
/// binary, <c>--urls http://127.0.0.1:P+300+j</c>, <c>TaskActors__Cluster__Redis</c>, output to
/// <c>RUN_DIR/gateway-j.log</c>), but only once every silo is ready: an Orleans client reads the list of silos it may
/// connect through when it starts and again only every <c>GatewayListRefreshPeriod</c> (1 minute), so a gateway started
/// beside joining silos, as the script does, talks to the first silo alone for its first minute.
/// </summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;

    private GatewayProcess(Process process, ClusterMember member)
    {
        _process = process;
        Member = member;
    }

    public ClusterMember Member { get; }

    /// <summary>
    /// Starts gateway <paramref name="index"/> (1-based) of the cluster with Redis on <paramref name="basePort"/>, with
    /// the environment of its <paramref name="script"/>; returns once it is ready.
    /// </summary>
    public static async Task<GatewayProcess> StartAsync(int index, int basePort, LocalClusterScript script, CancellationToken cancellationToken)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"gateway-{index}");
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{basePort + 300 + index}");
        var log = Path.Combine(script.RunDirectory, name + ".log");
        var start = new ProcessStartInfo("bash") { WorkingDirectory = RepositoryPaths.Root };
        foreach (var (key, value) in script.Environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["TaskActors__Cluster__Redis"] = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{basePort}");
        foreach (var argument in new[] { "-c", "exec dotnet \"$1\" --urls \"$2\" >\"$3\" 2>&1", "gateway", RepositoryPaths.GatewayDll("Release"), url, log })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var gateway = new GatewayProcess(process, new ClusterMember(ClusterMember.GatewayRole, name, process.Id, url, log));
        try
        {
            await gateway.WaitReadyAsync(cancellationToken);
            return gateway;
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the gateway (it holds nothing durable) and waits for it to exit.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    /// <summary>Polls <c>/health/ready</c> (its Orleans client is connected) as the script does, for up to 120 s.</summary>
    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.GetTimestamp() + (120 * Stopwatch.Frequency);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Member.Name} exited with code {_process.ExitCode}. The end of its log:\n{Member.LogTail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Member.Url + "/health/ready"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Not listening yet.
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new InvalidOperationException($"{Member.Name} was not ready within 120 s; see {Member.Log}.");
            }

            await Task.Delay(500, cancellationToken);
        }
    }
}
