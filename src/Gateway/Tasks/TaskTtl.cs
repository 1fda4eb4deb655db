using System.Text.Json;
using TaskActors.Gateway.Configuration;
using TaskActors.Gateway.JsonRpc;
using TaskActors.Gateway.Protocol;

namespace TaskActors.Gateway.Tasks;

/// <summary>
/// The one rule for the retention a task gets from <c>params.task.ttl</c> (documented in docs/task-lifecycle.md):
/// absent or null takes <see cref="GatewayOptions.DefaultTaskTtl"/>; anything but a JSON integer of at least 1 that
/// fits 64 bits (0, negative, fractional such as <c>1.5</c> or <c>1000.0</c>, exponent, string, larger than
/// <see cref="long.MaxValue"/>) is refused with -32602 naming <c>task.ttl</c>; a shorter one is raised to
/// <see cref="GatewayOptions.MinTaskTtl"/> and a longer one lowered to <see cref="GatewayOptions.MaxTaskTtl"/>. The
/// created task reports the ttl it got.
/// </summary>
internal static class TaskTtl
{
    /// <summary>What a refused ttl is told it must be.</summary>
    public const string Expected = "a positive integer number of milliseconds";

    /// <summary>Whether <paramref name="value"/> is a well-formed requested ttl: a JSON integer of at least 1 that fits 64 bits.</summary>
    public static bool IsWellFormed(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var milliseconds) && milliseconds >= 1;

    /// <summary>The ttl a task created with <paramref name="task"/> (the call's <c>params.task</c>) gets.</summary>
    /// <exception cref="McpRequestException">-32602 when <paramref name="task"/> is not an object or its ttl is not well-formed.</exception>
    public static TimeSpan Resolve(JsonElement task, GatewayOptions options)
    {
        if (task.ValueKind != JsonValueKind.Object)
        {
            throw new McpRequestException(McpErrorCodes.InvalidParams, "Invalid params: \"task\" must be an object.");
        }

        if (!task.TryGetProperty("ttl", out var ttl) || ttl.ValueKind == JsonValueKind.Null)
        {
            return options.DefaultTaskTtl;
        }

        if (!IsWellFormed(ttl))
        {
            throw new McpRequestException(McpErrorCodes.InvalidParams, $"Invalid params: \"task.ttl\" must be {Expected}.");
        }

        return Bound(ttl.GetInt64(), options);
    }

    /// <summary>A requested ttl of <paramref name="milliseconds"/> (at least 1) brought within the minimum and the maximum.</summary>
    public static TimeSpan Bound(long milliseconds, GatewayOptions options)
    {
        // Compared in milliseconds first: a request near long.MaxValue is no TimeSpan.
        if (milliseconds >= options.MaxTaskTtl.TotalMilliseconds)
        {
            return options.MaxTaskTtl;
        }

        var requested = TimeSpan.FromMilliseconds(milliseconds);
        return requested < options.MinTaskTtl ? options.MinTaskTtl : requested;
    }
}
