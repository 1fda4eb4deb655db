using System.Runtime.InteropServices;
using System.Text.Json;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>
/// The one measure of what a kept task costs its requestor's byte quota: the UTF-8 JSON of its arguments, and of its
/// result or error data once it has one. The gateway measures a new task's arguments with it, the task grain the
/// finished task, and the scope rebuilds its totals with it from stored records.
/// </summary>
public static class TaskFootprint
{
    /// <summary>The bytes of <paramref name="element"/>'s JSON as received (0 for none).</summary>
    public static long Bytes(JsonElement? element) =>
        element is { ValueKind: not JsonValueKind.Undefined } value ? JsonMarshal.GetRawUtf8Value(value).Length : 0;

    /// <summary>The bytes a task keeps: its arguments and its outcome's result or error data.</summary>
    public static long Bytes(TaskContextSnapshot? context, TaskOutcome? outcome) =>
        Bytes(context?.Arguments) + Bytes(outcome?.Result) + Bytes(outcome?.Error?.Data);
}
