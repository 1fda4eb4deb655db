using System.Globalization;

namespace TaskActors.Storage.Redis;

/// <summary>
/// The one place Redis keys are built. Every key is versioned and carries the key prefix in a hash tag, so all keys of
/// one service live in one Redis Cluster slot (the Lua scripts touch a record and its index together).
/// </summary>
internal static class RedisKeys
{
    /// <summary>The separator between the sort key and the grain id of an index member (sort keys never contain it).</summary>
    public const char IndexMemberSeparator = '\n';

    /// <summary>The key of one state record (a hash: data, etag, index key, index member).</summary>
    public static string Record(string prefix, string stateName, GrainId grainId) => RecordPrefix(prefix, stateName) + grainId;

    /// <summary>
    /// What every record key of a state name starts with: the record key is this followed by the grain id (the index
    /// query script builds record keys from index members this way).
    /// </summary>
    public static string RecordPrefix(string prefix, string stateName) => $"ta:v1:{{{prefix}}}:state:{stateName}:";

    /// <summary>The key of one index partition (a sorted set of <c>sortKey\ngrainId</c> members, all with score 0).</summary>
    public static string Index(string prefix, string stateName, string partition) => IndexPrefix(prefix, stateName) + partition;

    /// <summary>The partition an index key of <see cref="Index"/> names; null when the key is not an index key of this state name.</summary>
    public static string? PartitionOf(string prefix, string stateName, string indexKey)
    {
        var start = IndexPrefix(prefix, stateName);
        return indexKey.StartsWith(start, StringComparison.Ordinal) ? indexKey[start.Length..] : null;
    }

    /// <summary>The member of an index entry: the sort key, a newline, then the grain id.</summary>
    public static string IndexMember(string sortKey, GrainId grainId) => $"{sortKey}{IndexMemberSeparator}{grainId}";

    /// <summary>Splits an index member of <see cref="IndexMember"/> into its sort key and grain id.</summary>
    /// <exception cref="FormatException">The member has no separator.</exception>
    public static (string SortKey, GrainId GrainId) ParseIndexMember(string member)
    {
        var cut = member.IndexOf(IndexMemberSeparator, StringComparison.Ordinal);
        if (cut < 0)
        {
            throw new FormatException($"Index member '{member}' has no sort key separator.");
        }

        return (member[..cut], GrainId.Parse(member[(cut + 1)..], CultureInfo.InvariantCulture));
    }

    private static string IndexPrefix(string prefix, string stateName) => $"ta:v1:{{{prefix}}}:index:{stateName}:";
}
