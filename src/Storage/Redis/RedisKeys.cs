namespace TaskActors.Storage.Redis;

/// <summary>
/// The one place Redis keys are built. Every key is versioned and carries the key prefix in a hash tag, so all keys of
/// one service live in one Redis Cluster slot (the Lua scripts touch a record and its index together).
/// </summary>
internal static class RedisKeys
{
    /// <summary>The key of one state record (a hash: data, etag, index key, index member).</summary>
    public static string Record(string prefix, string stateName, GrainId grainId) => $"ta:v1:{{{prefix}}}:state:{stateName}:{grainId}";

    /// <summary>The key of one index partition (a sorted set of <c>sortKey\ngrainId</c> members, all with score 0).</summary>
    public static string Index(string prefix, string stateName, string partition) => $"ta:v1:{{{prefix}}}:index:{stateName}:{partition}";

    /// <summary>The member of an index entry: the sort key, a newline, then the grain id.</summary>
    public static string IndexMember(string sortKey, GrainId grainId) => $"{sortKey}\n{grainId}";
}
