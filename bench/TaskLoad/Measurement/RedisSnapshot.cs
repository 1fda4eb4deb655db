using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TaskActors.TaskLoad.Measurement;

/// <summary>
/// A Redis server's totals at one moment, from <c>INFO commandstats cpu persistence</c>: calls by command (commands a
/// Lua script runs are counted under their own names as well as the script's EVAL or EVALSHA), CPU time, and the size
/// of the append-only file.
/// </summary>
internal sealed record RedisSnapshot(IReadOnlyDictionary<string, long> Calls, TimeSpan Cpu, long AofBytes)
{
    /// <summary>The benchmark's own reads of these totals; they are left out of every count.</summary>
    public const string InfoCommand = "info";

    public static async Task<RedisSnapshot> ReadAsync(int port, CancellationToken cancellationToken)
    {
        var fields = Parse(await InfoAsync(port, cancellationToken));
        var calls = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, value) in fields.Where(f => f.Key.StartsWith("cmdstat_", StringComparison.Ordinal)))
        {
            // cmdstat_evalsha:calls=3,usec=70,usec_per_call=23.33,rejected_calls=0,failed_calls=0
            var callsField = value.Split(',').First(part => part.StartsWith("calls=", StringComparison.Ordinal));
            calls[key["cmdstat_".Length..]] = long.Parse(callsField["calls=".Length..], CultureInfo.InvariantCulture);
        }

        var cpu = Seconds(fields, "used_cpu_sys") + Seconds(fields, "used_cpu_user");
        var aof = fields.TryGetValue("aof_current_size", out var size) ? long.Parse(size, CultureInfo.InvariantCulture) : 0;
        return new RedisSnapshot(calls, TimeSpan.FromSeconds(cpu), aof);
    }

    /// <summary>Calls of each command since <paramref name="before"/> (the benchmark's own INFO left out), changed ones only.</summary>
    public IReadOnlyDictionary<string, long> CallsSince(RedisSnapshot before) =>
        Calls.Where(c => c.Key != InfoCommand)
            .Select(c => (c.Key, Change: c.Value - before.Calls.GetValueOrDefault(c.Key)))
            .Where(c => c.Change != 0)
            .ToDictionary(c => c.Key, c => c.Change, StringComparer.Ordinal);

    /// <summary>One INFO request in RESP over a fresh connection; the answer is a bulk string.</summary>
    private static async Task<string> InfoAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync("*4\r\n$4\r\nINFO\r\n$12\r\ncommandstats\r\n$3\r\ncpu\r\n$11\r\npersistence\r\n"u8.ToArray(), cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var header = await reader.ReadLineAsync(cancellationToken) ?? throw new IOException("Redis closed the connection before answering INFO.");
        if (!header.StartsWith('$'))
        {
            throw new IOException($"Redis answered INFO with '{header}'.");
        }

        var length = int.Parse(header.AsSpan(1), CultureInfo.InvariantCulture);
        var buffer = new char[length];
        await reader.ReadBlockAsync(buffer, cancellationToken);
        return new string(buffer);
    }

    private static Dictionary<string, string> Parse(string info) =>
        info.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);

    private static double Seconds(Dictionary<string, string> fields, string key) =>
        fields.TryGetValue(key, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : 0;
}
