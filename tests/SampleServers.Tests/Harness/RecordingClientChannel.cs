using System.Text.Json;
using System.Threading.Channels;
using ModelContextProtocol;
using TaskActors.Grains.Abstractions.Tasks;
using TaskActors.Servers.Execution;

namespace TaskActors.SampleServers.Tests.Harness;

/// <summary>
/// The client end of a tool run: records every notification (in order, and as a stream a test can await) and every
/// request, and answers requests with the handler registered for their method.
/// </summary>
internal sealed class RecordingClientChannel : IClientChannel
{
    private readonly Lock _lock = new();
    private readonly List<TaskNotification> _notifications = [];
    private readonly List<TaskInputRequest> _requests = [];
    private readonly Dictionary<string, Func<TaskInputRequest, CancellationToken, Task<JsonElement>>> _handlers = new(StringComparer.Ordinal);
    private readonly Channel<TaskNotification> _stream = Channel.CreateUnbounded<TaskNotification>();

    public IReadOnlyList<TaskNotification> Notifications
    {
        get
        {
            lock (_lock)
            {
                return [.. _notifications];
            }
        }
    }

    public IReadOnlyList<TaskInputRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Answers requests of <paramref name="method"/> with the JSON result <paramref name="resultJson"/>.</summary>
    public RecordingClientChannel Answer(string method, string resultJson) =>
        Answer(method, (_, _) => Task.FromResult(JsonElement.Parse(resultJson)));

    /// <summary>Answers requests of <paramref name="method"/> with what <paramref name="handler"/> returns, when it returns.</summary>
    public RecordingClientChannel Answer(string method, Func<TaskInputRequest, CancellationToken, Task<JsonElement>> handler)
    {
        lock (_lock)
        {
            _handlers[method] = handler;
        }

        return this;
    }

    /// <summary>The next notification the run sends (after those already read this way).</summary>
    public async Task<TaskNotification> NextNotificationAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TestKit.TestTimeouts.Default);
        return await _stream.Reader.ReadAsync(timeout.Token);
    }

    public Task NotifyAsync(TaskNotification notification, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _notifications.Add(notification);
        }

        _stream.Writer.TryWrite(notification);
        return Task.CompletedTask;
    }

    public async Task<TaskInputAnswer> RequestAsync(TaskInputRequest request, CancellationToken cancellationToken)
    {
        Func<TaskInputRequest, CancellationToken, Task<JsonElement>>? handler;
        lock (_lock)
        {
            _requests.Add(request);
            _handlers.TryGetValue(request.Method, out handler);
        }

        if (handler is null)
        {
            return new TaskInputAnswer
            {
                RequestId = "test",
                Error = new TaskError { Code = (int)McpErrorCode.MethodNotFound, Message = $"The test client does not answer '{request.Method}'." },
            };
        }

        return new TaskInputAnswer { RequestId = "test", Result = await handler(request, cancellationToken) };
    }
}
