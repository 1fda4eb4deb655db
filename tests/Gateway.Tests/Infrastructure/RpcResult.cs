using System.Text.Json;

namespace TaskActors.Gateway.Tests.Infrastructure;

/// <summary>The response to one request, and what else arrived on its stream before it.</summary>
public sealed record RpcResult(JsonElement Response, IReadOnlyList<JsonElement> Messages, IReadOnlyList<SseEvent> Events, bool WasStream)
{
    public bool IsError => Response.TryGetProperty("error", out _);

    public JsonElement Result => Response.TryGetProperty("result", out var result)
        ? result
        : throw new InvalidOperationException($"Expected a result, got {Response.GetRawText()}");

    public int ErrorCode => Response.GetProperty("error").GetProperty("code").GetInt32();

    public string ErrorMessage => Response.GetProperty("error").GetProperty("message").GetString()!;
}
