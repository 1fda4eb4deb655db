namespace TaskActors.Grains;

/// <summary>The grain storage providers TaskActors' grains use; a silo registers each.</summary>
public static class StorageNames
{
    /// <summary>Task state (durable tasks only), indexed by requestor for tasks/list.</summary>
    public const string Tasks = "tasks";

    /// <summary>Session records.</summary>
    public const string Sessions = "sessions";

    /// <summary>The server registry's catalog.</summary>
    public const string Registry = "registry";

    /// <summary>Every storage name, for registering them all.</summary>
    public static readonly IReadOnlyList<string> All = [Tasks, Sessions, Registry];
}
