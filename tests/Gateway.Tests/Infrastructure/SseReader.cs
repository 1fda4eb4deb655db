using System.Text;
using System.Text.Json;

namespace TaskActors.Gateway.Tests.Infrastructure;

/// <summary>Reads server-sent events from a response stream as they arrive.</summary>
public sealed class SseReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    /// <summary>
    /// The next JSON-RPC message that <paramref name="match"/> accepts, past keep-alives and other messages; each read
    /// waits at most <see cref="TestKit.TestTimeouts.Default"/>, and the stream ending is an error.
    /// </summary>
    public async Task<JsonElement> NextMessageAsync(Func<JsonElement, bool> match, CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = await ReadAsync(cancellationToken).WaitAsync(TestKit.TestTimeouts.Default, cancellationToken)
                ?? throw new InvalidOperationException("The stream ended.");
            if (next.Data is { } data && match(data))
            {
                return data;
            }
        }
    }

    /// <summary>The next event, or null when the stream ended.</summary>
    public async Task<SseEvent?> ReadAsync(CancellationToken cancellationToken)
    {
        string? id = null;
        string? retry = null;
        var data = new StringBuilder();
        var any = false;
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (!any)
                {
                    continue;
                }

                var text = data.ToString();
                return new SseEvent(id, retry, text.Trim().Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone());
            }

            if (line.StartsWith(':'))
            {
                continue;
            }

            any = true;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "id":
                    id = value;
                    break;
                case "retry":
                    retry = value;
                    break;
                case "data":
                    if (data.Length > 0)
                    {
                        data.Append('\n');
                    }

                    data.Append(value);
                    break;
            }
        }

        return null;
    }

    public void Dispose() => _reader.Dispose();
}
