using System.Text.Json;
using System.Text.Json.Nodes;
using TaskActors.EndToEnd.Tests.Cluster;

namespace TaskActors.EndToEnd.Tests.Chaos;

/// <summary>
/// tests/e2e/chaos-client.mjs (the official TS SDK client) driving a workload through the gateways of a
/// <see cref="LocalCluster"/>: the test waits for its phases (<c>INITIAL</c>, <c>STOPPED</c>), breaks the cluster
/// meanwhile, tells it to stop starting tasks, and reads its report once every task was read back.
/// </summary>
public sealed class ChaosClient : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly NodeClient _script;
    private readonly DirectoryInfo _directory;

    private ChaosClient(NodeClient script, DirectoryInfo directory)
    {
        _script = script;
        _directory = directory;
    }

    /// <summary>Everything the script printed so far (for failure messages).</summary>
    public string Output => _script.Output;

    /// <summary>Writes <paramref name="workload"/> (with the report path added) to a config file and starts the script on it.</summary>
    public static ChaosClient Start(ChaosWorkload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var directory = Directory.CreateTempSubdirectory("taskactors-chaos-");
        var config = workload.ToJson();
        config["reportPath"] = Path.Combine(directory.FullName, "report.json");
        var path = Path.Combine(directory.FullName, "config.json");
        File.WriteAllText(path, config.ToJsonString());
        return new ChaosClient(NodeClient.Start("chaos-client.mjs", [path]), directory);
    }

    /// <summary>Waits until the initial tasks were all created (acknowledged).</summary>
    public Task WaitForInitialAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _script.WaitForLineAsync("INITIAL ", timeout, cancellationToken);

    /// <summary>Waits until the script has created at least <paramref name="count"/> tasks (from its progress lines).</summary>
    public async Task WaitForCreatedAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await TestKit.Eventually.WaitUntilAsync(
            () => _script.LinesStartingWith("PROGRESS ").Any(line => JsonNode.Parse(line)!["created"]!.GetValue<int>() >= count),
            $"the chaos client has created {count} tasks",
            timeout,
            cancellationToken);
    }

    /// <summary>How many tasks the script had created at its last progress line.</summary>
    public int Created => _script.LinesStartingWith("PROGRESS ").Select(line => JsonNode.Parse(line)!["created"]!.GetValue<int>()).DefaultIfEmpty(0).Max();

    /// <summary>Tells the script to stop starting tasks; it then drains and reads every task back.</summary>
    public Task StopAsync() => _script.SendAsync("STOP");

    /// <summary>Waits until the script wrote its report, and reads it.</summary>
    public async Task<ChaosReport> WaitForReportAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _script.WaitForSuccessAsync(timeout, cancellationToken);
        var path = (await _script.WaitForLineAsync("DONE ", TimeSpan.Zero, cancellationToken)).Trim();
        await using var report = File.OpenRead(path);
        return (await JsonSerializer.DeserializeAsync<ChaosReport>(report, Json, cancellationToken))!;
    }

    /// <summary>Copies the report (if written) and the script's output into <paramref name="directory"/>.</summary>
    public void SaveTo(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "chaos-client.log"), Output);
        var report = Path.Combine(_directory.FullName, "report.json");
        if (File.Exists(report))
        {
            File.Copy(report, Path.Combine(directory, "report.json"), overwrite: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _script.DisposeAsync();
        _directory.Delete(recursive: true);
    }
}
