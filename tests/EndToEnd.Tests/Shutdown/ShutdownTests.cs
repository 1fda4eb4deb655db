using System.Text.Json;
using TaskActors.EndToEnd.Tests.Cluster;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.EndToEnd.Tests.Shutdown;

/// <summary>
/// A graceful stop (SIGTERM) with a client reading a task's result, through real processes and the official TS SDK
/// client: the stopping gateway turns unready, answers new requests 503 with Retry-After and a JSON-RPC error, ends the open
/// tasks/result stream with a final event that carries an id and a retry, and exits within the documented bound; the
/// client resumes the stream with Last-Event-ID on another gateway and gets the task's result there.
/// </summary>
[Collection(Chaos.ClusterProcessTests.Name)]
public sealed class ShutdownTests : LoggedTest
{
    /// <summary>The documented bound from SIGTERM to exit with a stream open (docs/reliability.md, "Shutdown").</summary>
    private static readonly TimeSpan ExitBound = TimeSpan.FromSeconds(10);

    /// <summary>How long the task runs: it is still running when the gateway stops, and ends after the client moved.</summary>
    private const double TaskSeconds = 8;

    [Fact]
    public async Task Gateway_DrainsAndExitsWithinTheBound_AndGetTaskResultSettlesOnAnotherGateway()
    {
        await using var cluster = await LocalCluster.StartAsync(new LocalClusterOptions(Silos: 2, Gateways: 2), TestCancellation);
        var stopping = cluster.Gateways[0]!;
        var token = await cluster.MintAsync("alice", TestCancellation);
        await using var client = ShutdownClient.Start([stopping.McpUrl, cluster.Gateways[1]!.McpUrl], token, TaskSeconds, awaitResult: true);
        var task = await client.WaitUntilStreamingAsync(TestTimeouts.Default, TestCancellation);

        var terminating = stopping.TerminateAsync(TestTimeouts.Default, TestCancellation);
        await client.TermSentAsync();
        var exit = await terminating;
        var report = await client.WaitForReportAsync(TestTimeouts.Recovery, TestCancellation);

        var problems = DrainProblems(report, exit).ToList();
        if (report.Settled is not { Ok: true, Text: { } text })
        {
            problems.Add($"getTaskResult did not settle with the result: {JsonSerializer.Serialize(report.Settled)}");
        }
        else
        {
            var whoami = JsonDocument.Parse(text).RootElement.GetProperty("whoami");
            problems.AddRange(WhoAmIChecks.Mismatches(whoami, task.TaskId, "alice", task.SessionId, child: false).Select(m => $"the result's context: {m}"));
        }

        if (!report.Routed.Any(r => r is { Gateway: 1, Method: "GET", Status: 200 }))
        {
            problems.Add("the stream was not resumed (GET with Last-Event-ID) on the other gateway");
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n{string.Join('\n', problems)}\n\nClient output:\n{client.Output}\n\n{cluster.Describe()}");
        Assert.Equal(0, stopping.ExitCode);
        Print("gateway process", exit, report);
    }

    [Fact]
    public async Task EmbeddedSilo_EndsItsStreamsWithAFinalEventAndExitsWithinTheBound()
    {
        await using var silo = await SiloProcess.StartAsync(TestCancellation);
        await using var client = ShutdownClient.Start([silo.McpUrl], token: null, TaskSeconds, awaitResult: false);
        await client.WaitUntilStreamingAsync(TestTimeouts.Default, TestCancellation);

        var terminating = silo.TerminateAsync(TestTimeouts.Default, TestCancellation);
        await client.TermSentAsync();
        var exit = await terminating;
        var report = await client.WaitForReportAsync(TestTimeouts.Default, TestCancellation);

        var problems = DrainProblems(report, exit).ToList();
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n{string.Join('\n', problems)}\n\nClient output:\n{client.Output}\n\nSilo output:\n{SiloLog.Tail(silo.Output)}");
        Print("embedded silo", exit, report);
    }

    /// <summary>What the stop owed the client: a bounded exit, a stream ended by a resumable event, 503s while draining.</summary>
    private static IEnumerable<string> DrainProblems(ShutdownReport report, TimeSpan exit)
    {
        if (exit >= ExitBound)
        {
            yield return $"the process took {exit.TotalSeconds:F1} s to exit, past the {ExitBound.TotalSeconds} s bound";
        }

        if (report.Stream is not { Clean: true, LastEvent: { Id.Length: > 0, Retry.Length: > 0, Data: "" or null } })
        {
            yield return $"the stream did not end cleanly after an empty event with an id and a retry: {JsonSerializer.Serialize(report.Stream)}";
        }

        var refusals = report.Probes.Where(p => p.Status == 503).ToList();
        if (refusals.Count == 0)
        {
            yield return $"no request to the stopping process got 503: {JsonSerializer.Serialize(report.Probes)}";
        }

        foreach (var refusal in refusals.Where(p => p.RetryAfter is not { Length: > 0 } || !IsJsonRpcError(p.Body)))
        {
            yield return $"a 503 without Retry-After or a JSON-RPC error body: {JsonSerializer.Serialize(refusal)}";
        }

        foreach (var ready in refusals.Where(p => p.Ready is { } status && status != 503))
        {
            yield return $"the draining process still said it was ready: {JsonSerializer.Serialize(ready)}";
        }

        var firstRefusal = report.Probes.ToList().FindIndex(p => p.Status == 503);
        foreach (var late in report.Probes.Skip(Math.Max(firstRefusal, 0)).Where(p => p.Status is { } status && status != 503))
        {
            yield return $"after the first 503 a request got {late.Status}: {JsonSerializer.Serialize(late)}";
        }

        if (report.Probes.Count == 0 || report.Probes[^1].Unreachable is null)
        {
            yield return "the stopped process still answered at the end of the probes";
        }
    }

    private static bool IsJsonRpcError(string? body)
    {
        try
        {
            var root = JsonDocument.Parse(body ?? string.Empty).RootElement;
            return root.GetProperty("jsonrpc").GetString() == "2.0" && root.GetProperty("error").GetProperty("code").ValueKind == JsonValueKind.Number;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }

    private void Print(string what, TimeSpan exit, ShutdownReport report)
    {
        var refusals = report.Probes.Where(p => p.Status == 503).ToList();
        Output.WriteLine(
            $"FIGURE shutdown | SIGTERM to the {what} with a tasks/result stream open: exited in {exit.TotalSeconds:F2} s (bound {ExitBound.TotalSeconds} s); "
            + $"stream ended {report.Stream.AfterTermMs} ms after SIGTERM with event id {report.Stream.LastEvent.Id} (retry {report.Stream.LastEvent.Retry} ms); "
            + $"{refusals.Count} requests got 503 (Retry-After {refusals.FirstOrDefault()?.RetryAfter}) from {refusals.FirstOrDefault()?.AfterTermMs} to {refusals.LastOrDefault()?.AfterTermMs} ms; "
            + (report.Routed.FirstOrDefault(r => r is { Gateway: > 0, Method: "GET", Status: 200 }) is { } resumed ? $"resumed on another gateway {resumed.AfterTermMs} ms after SIGTERM; " : string.Empty)
            + (report.Settled is { } settled ? $"getTaskResult settled {(settled.Ok ? "with the result" : "with an error")} {settled.AfterTermMs} ms after SIGTERM, when its {TaskSeconds} s task ended." : "getTaskResult not awaited."));
    }
}
