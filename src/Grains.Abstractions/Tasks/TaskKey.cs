namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>
/// The key of a task grain: the escaped authorization scope, '/', and the task id. A task of another scope has another
/// key, so it cannot even be addressed with the wrong scope.
/// </summary>
public static class TaskKey
{
    /// <summary>Builds the grain key of a task.</summary>
    public static string Format(string scope, string taskId)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        ArgumentException.ThrowIfNullOrEmpty(taskId);
        if (taskId.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Task id '{taskId}' must not contain '/'.", nameof(taskId));
        }

        return $"{Uri.EscapeDataString(scope)}/{taskId}";
    }

    /// <summary>Splits a grain key into scope and task id.</summary>
    /// <exception cref="FormatException">The key is not a task key.</exception>
    public static (string Scope, string TaskId) Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.LastIndexOf('/');
        if (slash <= 0 || slash == key.Length - 1)
        {
            throw new FormatException($"'{key}' is not a task key of the form scope/taskId.");
        }

        return (Uri.UnescapeDataString(key[..slash]), key[(slash + 1)..]);
    }
}
