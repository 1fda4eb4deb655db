using System.Text.Json;

namespace TaskActors.EndToEnd.Tests.Cluster;

/// <summary>Whether a <c>slow_whoami</c> run saw its task's original context, on a <see cref="LocalCluster"/> in JWT mode.</summary>
internal static class WhoAmIChecks
{
    /// <summary>Each context value the run saw that differs from the task's original one, as "name = seen, not original".</summary>
    public static IEnumerable<string> Mismatches(JsonElement whoami, string taskId, string user, string? sessionId, bool child)
    {
        var expected = new Dictionary<string, object?>
        {
            ["taskId"] = taskId,
            ["scope"] = $"{LocalCluster.ClientId}|{user}",
            ["sessionId"] = sessionId,
            ["client_id"] = LocalCluster.ClientId,
            ["sub"] = user,
            ["serverPath"] = child ? "samples/child" : "samples",
            ["serverName"] = child ? "child" : "samples",
            ["isBackgroundTask"] = true,
            ["hasAccessToken"] = true,
        };
        foreach (var (name, value) in expected)
        {
            var actual = whoami.GetProperty(name);
            var matches = value is bool flag
                ? actual.ValueKind == (flag ? JsonValueKind.True : JsonValueKind.False)
                : actual.ValueKind == JsonValueKind.String && actual.GetString() == (string?)value;
            if (!matches)
            {
                yield return $"{name} = {actual.GetRawText()}, not its original {value}";
            }
        }
    }
}
