namespace TaskActors.Storage.Redis;

/// <summary>Where the Redis record store keeps its keys.</summary>
public sealed class RedisStorageOptions
{
    /// <summary>The key namespace: every key starts with <c>ta:v1:{KeyPrefix}:</c>. Default <c>taskactors</c> (use the Orleans service id).</summary>
    public string KeyPrefix { get; set; } = "taskactors";
}
