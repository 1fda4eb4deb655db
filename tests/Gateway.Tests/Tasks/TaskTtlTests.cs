using System.Net;
using System.Text.Json;
using TaskActors.Gateway.Configuration;
using TaskActors.Gateway.JsonRpc;
using TaskActors.Gateway.Tasks;
using Xunit;

namespace TaskActors.Gateway.Tests.Tasks;

/// <summary>
/// The one ttl rule (<see cref="TaskTtl"/>): absent or null takes the default, anything but an integer of at least 1
/// that fits 64 bits is -32602 naming <c>task.ttl</c>, a short one is raised to the minimum and a long one lowered to
/// the maximum; the same table holds for the function and on the wire, where the task reports the ttl it got.
/// </summary>
public sealed class TaskTtlTests : GatewayTest
{
    private const long Minimum = 2_000;
    private const long Default = 600_000;
    private const long Maximum = 3_600_000;

    private static readonly GatewayOptions Options = new()
    {
        MinTaskTtl = TimeSpan.FromMilliseconds(Minimum),
        DefaultTaskTtl = TimeSpan.FromMilliseconds(Default),
        MaxTaskTtl = TimeSpan.FromMilliseconds(Maximum),
    };

    /// <summary><c>params.task</c> as sent, and the ttl granted in milliseconds (null: refused with -32602).</summary>
    public static TheoryData<string, long?> Table() => new()
    {
        { "{}", Default },
        { """{"ttl":null}""", Default },
        { """{"ttl":1}""", Minimum },
        { """{"ttl":1999}""", Minimum },
        { """{"ttl":2000}""", Minimum },
        { """{"ttl":60000}""", 60_000 },
        { """{"ttl":3600000}""", Maximum },
        { """{"ttl":3600001}""", Maximum },
        { """{"ttl":9223372036854775807}""", Maximum },
        { """{"ttl":0}""", null },
        { """{"ttl":-5}""", null },
        { """{"ttl":-9223372036854775808}""", null },
        { """{"ttl":9223372036854775808}""", null },
        { """{"ttl":1.5}""", null },
        { """{"ttl":1000.0}""", null },
        { """{"ttl":1e3}""", null },
        { """{"ttl":"60000"}""", null },
        { """{"ttl":true}""", null },
        { """{"ttl":[60000]}""", null },
        { """{"ttl":{}}""", null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Resolve_AppliesTheRule(string task, long? granted)
    {
        using var parsed = JsonDocument.Parse(task);

        if (granted is { } milliseconds)
        {
            Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), TaskTtl.Resolve(parsed.RootElement, Options));
        }
        else
        {
            var refused = Assert.Throws<McpRequestException>(() => TaskTtl.Resolve(parsed.RootElement, Options));
            Assert.Equal(-32602, refused.Code);
            Assert.Contains("\"task.ttl\"", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CreatedTasks_ReportTheTtlTheyGot_AndIllFormedOnesAreRefused_OnTheWire()
    {
        await using var host = await StartAsync(new Dictionary<string, string?>
        {
            ["TaskActors:Gateway:MinTaskTtl"] = "00:00:02",
            ["TaskActors:Gateway:DefaultTaskTtl"] = "00:10:00",
            ["TaskActors:Gateway:MaxTaskTtl"] = "01:00:00",
        });
        var client = await ConnectAsync(host);
        var id = 100;

        foreach (var row in Table())
        {
            var (task, granted) = (row.Data.Item1, row.Data.Item2);
            id++;
            var body = $$$"""{"jsonrpc":"2.0","id":{{{id}}},"method":"tools/call","params":{"name":"wait","arguments":{"milliseconds":1},"task":{{{task}}}}}""";
            using var response = await client.PostAsync(body, cancellationToken: TestCancellation);
            var answer = await client.ReadResponseAsync(response, id, TestCancellation);

            if (granted is { } milliseconds)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{task}: HTTP {(int)response.StatusCode} {answer.Response.GetRawText()}");
                Assert.Equal(milliseconds, answer.Result.GetProperty("task").GetProperty("ttl").GetInt64());
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{task}: HTTP {(int)response.StatusCode} {answer.Response.GetRawText()}");
                Assert.Equal(-32602, answer.ErrorCode);
                Assert.Contains("\"task.ttl\"", answer.ErrorMessage, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("00:00:00", "01:00:00", "24:00:00", "MinTaskTtl")]
    [InlineData("02:00:00", "01:00:00", "24:00:00", "MinTaskTtl")]
    [InlineData("00:00:01", "01:00:00", "24:00:00", null)]
    [InlineData("01:00:00", "01:00:00", "01:00:00", null)]
    public void Validator_KeepsTheMinimumAtMostTheDefault(string minimum, string defaultTtl, string maximum, string? failure)
    {
        var options = new GatewayOptions
        {
            MinTaskTtl = TimeSpan.Parse(minimum, System.Globalization.CultureInfo.InvariantCulture),
            DefaultTaskTtl = TimeSpan.Parse(defaultTtl, System.Globalization.CultureInfo.InvariantCulture),
            MaxTaskTtl = TimeSpan.Parse(maximum, System.Globalization.CultureInfo.InvariantCulture),
        };

        var result = new GatewayOptionsValidator().Validate(null, options);

        if (failure is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.Contains(result.Failures!, f => f.Contains(failure, StringComparison.Ordinal));
        }
    }
}
