using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TaskActors.Storage.Records;

namespace TaskActors.Storage.Redis;

/// <summary>
/// The Redis record store. A record is a hash (<c>data</c>, <c>etag</c>, and the <c>ikey</c>/<c>imember</c> of its index
/// entry) whose expiry is the key's own, so Redis drops expired records by itself. An index partition is a sorted set of
/// <c>sortKey\ngrainId</c> members (score 0, read in lexical order) that lives at least as long as its longest-lived
/// member. Every read, write, clear and query is one Lua script, so each is one round trip and atomic. Needs Redis 7.0
/// or later (<c>PEXPIRETIME</c>, <c>PEXPIREAT … GT</c>).
/// </summary>
/// <remarks>
/// The connection multiplexer is shared and owned by the host; this store never disposes it. Cancellation is honoured
/// before a command is sent, never after: a write whose script was sent either happened or failed, and abandoning it
/// midway would leave the caller unsure which.
/// </remarks>
public sealed class RedisStateRecordStore(IConnectionMultiplexer redis, IOptions<RedisStorageOptions> options) : IStateRecordStore
{
    // KEYS[1] record. Returns false when there is no record, else {data, etag, ikey, imember, pexpiretime}.
    private const string ReadScript = """
        local r = redis.call('HMGET', KEYS[1], 'data', 'etag', 'ikey', 'imember')
        if not r[2] then
          return false
        end
        return {r[1], r[2], r[3], r[4], redis.call('PEXPIRETIME', KEYS[1])}
        """;

    // KEYS[1] record, KEYS[2] index (absent: not indexed). ARGV[1] expected etag ('' = no record), ARGV[2] new etag,
    // ARGV[3] data, ARGV[4] expiry in Unix ms ('' = never), ARGV[5] index member. Returns {1}, or {0, stored etag}.
    private const string WriteScript = """
        local old = redis.call('HMGET', KEYS[1], 'etag', 'ikey', 'imember')
        local stored = old[1] or ''
        if stored ~= ARGV[1] then
          return {0, stored}
        end
        local ikey = KEYS[2]
        if old[2] and (old[2] ~= ikey or old[3] ~= ARGV[5]) then
          redis.call('ZREM', old[2], old[3])
        end
        redis.call('HSET', KEYS[1], 'data', ARGV[3], 'etag', ARGV[2])
        if ikey then
          redis.call('HSET', KEYS[1], 'ikey', ikey, 'imember', ARGV[5])
        else
          redis.call('HDEL', KEYS[1], 'ikey', 'imember')
        end
        if ARGV[4] == '' then
          redis.call('PERSIST', KEYS[1])
        else
          redis.call('PEXPIREAT', KEYS[1], ARGV[4])
        end
        if ikey then
          local fresh = redis.call('EXISTS', ikey) == 0
          redis.call('ZADD', ikey, 0, ARGV[5])
          if ARGV[4] == '' then
            redis.call('PERSIST', ikey)
          elseif fresh then
            redis.call('PEXPIREAT', ikey, ARGV[4])
          else
            redis.call('PEXPIREAT', ikey, ARGV[4], 'GT')
          end
        end
        return {1}
        """;

    // KEYS[1] record. ARGV[1] expected etag ('' = no record). Returns {1}, or {0, stored etag}.
    private const string ClearScript = """
        local old = redis.call('HMGET', KEYS[1], 'etag', 'ikey', 'imember')
        local stored = old[1] or ''
        if stored ~= ARGV[1] then
          return {0, stored}
        end
        if old[2] then
          redis.call('ZREM', old[2], old[3])
        end
        redis.call('DEL', KEYS[1])
        return {1}
        """;

    // KEYS[1] index. ARGV[1] the highest member to return ('(' exclusive bound, or '+'), ARGV[2] limit, ARGV[3] the
    // record key prefix (a record key is the prefix plus the grain id after the member's newline). Walks the index
    // downwards until it has ARGV[2] live records or runs out, dropping members whose record expired, was cleared or
    // now lists itself elsewhere. Returns {member, data, etag, pexpiretime, ...}.
    private const string QueryScript = """
        local found = {}
        local count = 0
        local limit = tonumber(ARGV[2])
        local max = ARGV[1]
        while count < limit do
          local wanted = limit - count
          local members = redis.call('ZREVRANGEBYLEX', KEYS[1], max, '-', 'LIMIT', 0, wanted)
          for _, member in ipairs(members) do
            local cut = string.find(member, '\n', 1, true)
            local live = false
            if cut then
              local key = ARGV[3] .. string.sub(member, cut + 1)
              local r = redis.call('HMGET', key, 'data', 'etag', 'ikey', 'imember')
              if r[2] and r[3] == KEYS[1] and r[4] == member then
                live = true
                count = count + 1
                found[#found + 1] = member
                found[#found + 1] = r[1]
                found[#found + 1] = r[2]
                found[#found + 1] = redis.call('PEXPIRETIME', key)
              end
            end
            if not live then
              redis.call('ZREM', KEYS[1], member)
            end
          end
          if #members < wanted then
            break
          end
          max = '(' .. members[#members]
        end
        return found
        """;

    /// <summary>
    /// The <see cref="Exception.Data"/> key (value <see langword="true"/>) of a wrapped failure in which Redis did not
    /// answer at all: no connection, a timeout, or a server still loading its data after a restart. Nothing was changed
    /// that the caller can know of, and the same operation may succeed once Redis is back; Orleans carries the mark to
    /// whoever called the grain, so a gateway can answer "retry" (HTTP 503) instead of an internal error.
    /// </summary>
    public const string UnavailableDataKey = "taskactors.store.unavailable";

    private static readonly string[] TransientServerErrors = ["LOADING", "BUSY", "TRYAGAIN", "MASTERDOWN", "READONLY"];

    private readonly string _prefix = options.Value.KeyPrefix;

    /// <inheritdoc />
    public async Task<StateRecord?> ReadAsync(string stateName, GrainId grainId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = await EvaluateAsync(ReadScript, [RedisKeys.Record(_prefix, stateName, grainId)], [], "read", stateName, grainId).ConfigureAwait(false);
        if (result.IsNull)
        {
            return null;
        }

        var fields = (RedisResult[])result!;
        return new StateRecord(
            (byte[])fields[0]! ?? [],
            (string)fields[1]!,
            ToExpiry((long)fields[4]),
            ToIndexEntry(stateName, (string?)fields[2], (string?)fields[3]));
    }

    /// <inheritdoc />
    public async Task<string> WriteAsync(string stateName, GrainId grainId, ReadOnlyMemory<byte> data, string? expectedETag, StateRecordPolicy policy, CancellationToken cancellationToken = default)
    {
        StateRecordChecks.ThrowIfInvalid(policy);
        cancellationToken.ThrowIfCancellationRequested();
        var etag = Guid.NewGuid().ToString("N");
        var recordKey = (RedisKey)RedisKeys.Record(_prefix, stateName, grainId);
        RedisKey[] keys = policy.Index is { } entry ? [recordKey, RedisKeys.Index(_prefix, stateName, entry.Partition)] : [recordKey];
        RedisValue[] values =
        [
            expectedETag ?? string.Empty,
            etag,
            data,
            policy.ExpiresAt is { } expiresAt ? expiresAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) : string.Empty,
            policy.Index is { } index ? RedisKeys.IndexMember(index.SortKey, grainId) : string.Empty,
        ];
        var result = await EvaluateAsync(WriteScript, keys, values, "write", stateName, grainId).ConfigureAwait(false);
        ThrowIfConflict(result, "write", stateName, grainId, expectedETag);
        return etag;
    }

    /// <inheritdoc />
    public async Task ClearAsync(string stateName, GrainId grainId, string? expectedETag, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = await EvaluateAsync(ClearScript, [RedisKeys.Record(_prefix, stateName, grainId)], [expectedETag ?? string.Empty], "clear", stateName, grainId).ConfigureAwait(false);
        ThrowIfConflict(result, "clear", stateName, grainId, expectedETag);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IndexedStateRecord>> QueryIndexAsync(string stateName, string partition, string? beforeSortKey, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        cancellationToken.ThrowIfCancellationRequested();
        RedisValue[] values =
        [
            beforeSortKey is null ? "+" : "(" + beforeSortKey,
            limit,
            RedisKeys.RecordPrefix(_prefix, stateName),
        ];
        var result = await EvaluateAsync(QueryScript, [RedisKeys.Index(_prefix, stateName, partition)], values, "query", stateName, grainId: null).ConfigureAwait(false);
        var fields = (RedisResult[])result!;
        var found = new List<IndexedStateRecord>(fields.Length / 4);
        for (var i = 0; i + 3 < fields.Length; i += 4)
        {
            var (sortKey, grainId) = RedisKeys.ParseIndexMember((string)fields[i]!);
            var record = new StateRecord((byte[])fields[i + 1]! ?? [], (string)fields[i + 2]!, ToExpiry((long)fields[i + 3]), new StateIndexEntry(partition, sortKey));
            found.Add(new IndexedStateRecord(grainId, record));
        }

        return found;
    }

    /// <summary>
    /// Runs one script, wrapping Redis failures (connection, timeout, script errors) in <see cref="OrleansException"/> with
    /// the inner exception kept, and marking those in which Redis did not answer with <see cref="UnavailableDataKey"/>.
    /// </summary>
    private async Task<RedisResult> EvaluateAsync(string script, RedisKey[] keys, RedisValue[] values, string operation, string stateName, GrainId? grainId)
    {
        try
        {
            return await redis.GetDatabase().ScriptEvaluateAsync(script, keys, values).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            var target = grainId is { } id ? $"state '{stateName}' of grain {id}" : $"index of state '{stateName}'";
            var error = new OrleansException($"Redis failed to {operation} {target}: {ex.Message}", ex);
            if (IsUnavailable(ex))
            {
                error.Data[UnavailableDataKey] = true;
            }

            throw error;
        }
    }

    /// <summary>Whether Redis did not answer at all (see <see cref="UnavailableDataKey"/>), as opposed to refusing the script.</summary>
    private static bool IsUnavailable(Exception exception) =>
        exception is RedisConnectionException or RedisTimeoutException
        || (exception is RedisServerException && TransientServerErrors.Any(prefix => exception.Message.StartsWith(prefix, StringComparison.Ordinal)));

    /// <summary>Throws the conflict error when a write or clear script reports that the stored ETag differed.</summary>
    private static void ThrowIfConflict(RedisResult result, string operation, string stateName, GrainId grainId, string? expectedETag)
    {
        var fields = (RedisResult[])result!;
        if ((long)fields[0] == 1)
        {
            return;
        }

        var stored = (string?)fields[1];
        throw StateRecordChecks.Conflict(operation, stateName, grainId, string.IsNullOrEmpty(stored) ? null : stored, expectedETag);
    }

    /// <summary>Turns a <c>PEXPIRETIME</c> reply into an expiry (negative: none).</summary>
    private static DateTimeOffset? ToExpiry(long unixMilliseconds) => unixMilliseconds < 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);

    private StateIndexEntry? ToIndexEntry(string stateName, string? indexKey, string? member)
    {
        if (indexKey is null || member is null || RedisKeys.PartitionOf(_prefix, stateName, indexKey) is not { } partition)
        {
            return null;
        }

        return new StateIndexEntry(partition, RedisKeys.ParseIndexMember(member).SortKey);
    }
}
