using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Gateway.Handlers;

/// <summary>
/// Reads task grain keys that come back from clients (inside input-request ids and SSE event ids, which anyone can
/// forge) without throwing.
/// </summary>
internal static class TaskKeyReader
{
    /// <summary>Whether <paramref name="key"/> has the shape of a task key (<c>scope/taskId</c>, both non-empty).</summary>
    public static bool IsShaped(string key)
    {
        var slash = key.LastIndexOf('/');
        return slash > 0 && slash < key.Length - 1;
    }

    /// <summary>Splits a key; false unless it is exactly what <see cref="TaskKey.Format"/> writes (so it addresses the grain it names).</summary>
    public static bool TryParse(string key, out string scope, out string taskId)
    {
        if (!IsShaped(key))
        {
            (scope, taskId) = (string.Empty, string.Empty);
            return false;
        }

        (scope, taskId) = TaskKey.Parse(key);
        return TaskKey.Format(scope, taskId) == key;
    }
}
