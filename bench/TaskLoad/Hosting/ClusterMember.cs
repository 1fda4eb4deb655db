using System.Globalization;
using System.Text;
using TaskActors.TaskLoad.Measurement;

namespace TaskActors.TaskLoad.Hosting;

/// <summary>One process of a local cluster, as scripts/local-cluster.sh records it in its cluster.tsv.</summary>
internal sealed record ClusterMember(string Role, string Name, int Pid, string Url, string Log)
{
    public const string SiloRole = "silo";
    public const string GatewayRole = "gateway";
    public const string RedisRole = "redis";

    /// <summary>The rows of a cluster.tsv (<c>role name pid url log</c>, a header line first).</summary>
    public static IReadOnlyList<ClusterMember> ReadTable(string path) =>
        File.ReadLines(path)
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length == 5)
            .Select(f => new ClusterMember(f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture), f[3], f[4]))
            .ToList();

    /// <summary>Its CPU time and RSS now; throws when it is gone.</summary>
    public (TimeSpan Cpu, long RssBytes) Usage() =>
        ProcStat.Read(Pid) ?? throw new InvalidOperationException($"{Name} (pid {Pid}) exited. The end of its log:\n{LogTail()}");

    public bool IsAlive => ProcStat.Read(Pid) is not null;

    /// <summary>The last lines of its log (at most about 4 KB: a silo's log grows by two lines per task).</summary>
    public string LogTail()
    {
        try
        {
            using var file = new FileStream(Log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            file.Seek(Math.Max(0, file.Length - 4096), SeekOrigin.Begin);
            using var reader = new StreamReader(file, Encoding.UTF8);
            return reader.ReadToEnd();
        }
        catch (IOException ex)
        {
            return $"(no log: {ex.Message})";
        }
    }
}
