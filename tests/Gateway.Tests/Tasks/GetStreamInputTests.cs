using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaskActors.Gateway.Tests.Infrastructure;
using TaskActors.Gateway.Tests.Tools;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.Gateway.Tests.Tasks;

/// <summary>Input requests on the session's GET stream: a stream opened later is sent the unanswered ones, and only those.</summary>
public sealed class GetStreamInputTests : GatewayTest
{
    [Fact]
    public async Task AnElicitationAskedWhileNoStreamListened_ReachesAGetStreamOpenedLater()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);
        var task = await client.CreateTaskAsync("ask", null, 60_000, TestCancellation);
        await client.WaitForTaskStatusAsync(task.Id(), "input_required", TestCancellation);

        using var stream = await client.GetStreamAsync(cancellationToken: TestCancellation);
        using var events = new SseReader(await stream.Content.ReadAsStreamAsync(TestCancellation));
        var request = await events.NextMessageAsync(IsRequest, TestCancellation);
        await client.AnswerAsync(request.GetProperty("id"), Accept("Margaret"), TestCancellation);
        var result = await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);

        Assert.Equal("elicitation/create", request.GetProperty("method").GetString());
        Assert.Equal(task.Id(), request.GetProperty("params").RelatedTaskId());
        Assert.Equal("hello Margaret", ToolCallTests.Text(result.Result));
    }

    [Fact]
    public async Task AFreshGetStream_IsNotSentRequestsAlreadyAnswered_NorWhatEarlierStreamsGot()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);
        var first = await client.CreateTaskAsync("ask", null, 60_000, TestCancellation);
        await client.WaitForTaskStatusAsync(first.Id(), "input_required", TestCancellation);
        using (var stream = await client.GetStreamAsync(cancellationToken: TestCancellation))
        using (var events = new SseReader(await stream.Content.ReadAsStreamAsync(TestCancellation)))
        {
            var request = await events.NextMessageAsync(IsRequest, TestCancellation);
            await client.AnswerAsync(request.GetProperty("id"), Accept("Edsger"), TestCancellation);
        }

        Assert.Equal("hello Edsger", ToolCallTests.Text((await client.TaskRequestAsync("tasks/result", first.Id(), TestCancellation)).Result));

        // The first stream's ownership ends when its connection's relay notices; until then a second stream is refused.
        HttpResponseMessage? second = null;
        await Eventually.WaitUntilAsync(
            async () =>
            {
                var attempt = await client.GetStreamAsync(cancellationToken: TestCancellation);
                if (attempt.StatusCode == HttpStatusCode.OK)
                {
                    second = attempt;
                    return true;
                }

                attempt.Dispose();
                return false;
            },
            "a second GET stream is accepted",
            cancellationToken: TestCancellation);
        using var secondStream = second!;
        using var secondEvents = new SseReader(await secondStream.Content.ReadAsStreamAsync(TestCancellation));
        var next = await client.CreateTaskAsync("ask", null, 60_000, TestCancellation);

        var firstRequestOnSecondStream = await secondEvents.NextMessageAsync(IsRequest, TestCancellation);

        Assert.Equal(next.Id(), firstRequestOnSecondStream.GetProperty("params").RelatedTaskId());
    }

    private static JsonObject Accept(string name) => new() { ["action"] = "accept", ["content"] = new JsonObject { ["name"] = name } };

    private static bool IsRequest(JsonElement message) => message.TryGetProperty("id", out _) && message.TryGetProperty("method", out _);
}
