using System.Text.Json;

namespace TaskActors.Gateway.Tests.Infrastructure;

/// <summary>One server-sent event: its id (if any) and its data (null for a priming event).</summary>
public sealed record SseEvent(string? Id, string? Retry, JsonElement? Data);
