using System.CommandLine;
using TaskActors.TaskLoad;
using TaskActors.TaskLoad.Hosting;

var concurrency = new Option<int[]>("--concurrency", "-c")
{
    Description = "Concurrent clients, each on its own MCP session; give several (-c 8 -c 32 -c 128) to measure each level.",
    DefaultValueFactory = _ => [32],
    AllowMultipleArgumentsPerToken = true,
};
var duration = new Option<double>("--duration", "-d") { Description = "Seconds each measured window lasts.", DefaultValueFactory = _ => 20 };
var tasks = new Option<int?>("--tasks", "-n") { Description = "Tasks per measured window, instead of --duration." };
var warmup = new Option<double>("--warmup") { Description = "Seconds of the same load, unmeasured, before each window.", DefaultValueFactory = _ => 30 };
var ttl = new Option<long>("--ttl") { Description = "The ttl (ms) each tools/call requests for its task.", DefaultValueFactory = _ => 60_000 };
var gets = new Option<int>("--gets") { Description = "tasks/get requests per task, between the create and tasks/result.", DefaultValueFactory = _ => 1 };
var servers = new Option<string[]>("--servers")
{
    Description = $"Which servers to drive, each on fresh processes at each level: {ServerSelection.Help}. Several: --servers embedded,ts. Default all, or none when --cluster is given.",
    DefaultValueFactory = _ => ["all"],
    AllowMultipleArgumentsPerToken = true,
};
servers.Validators.Add(result =>
{
    try
    {
        ServerSelection.Parse(result.GetValueOrDefault<string[]>() ?? []);
    }
    catch (ArgumentException ex)
    {
        result.AddError(ex.Message);
    }
});
var cluster = new Option<string[]>("--cluster")
{
    Description = $"Local clusters on Redis to drive too, after the servers, each on fresh processes at each level: {ClusterShape.Help}. scripts/local-cluster.sh (up --gateways 0 --no-build, own run directory, free base port) starts a redis-server with AOF everysec and the silos from the Release build of src/Silo; then the gateways (Release build of src/Gateway) start as the script would, once every silo is ready. Clients are spread evenly over the gateways, one session each. With --cluster, --servers defaults to none.",
    DefaultValueFactory = _ => [],
    AllowMultipleArgumentsPerToken = true,
};
cluster.Validators.Add(result =>
{
    try
    {
        ClusterShape.ParseList(result.GetValueOrDefault<string[]>() ?? []);
    }
    catch (ArgumentException ex)
    {
        result.AddError(ex.Message);
    }
});
var redisServer = new Option<string>("--redis-server") { Description = "The redis-server (7.0 or later) that Redis mode starts, on a free port in a temporary directory; given as a path, its directory also goes first on PATH for scripts/local-cluster.sh (which runs redis-server and redis-cli).", DefaultValueFactory = _ => "redis-server" };
var redisIdle = new Option<double>("--redis-idle") { Description = "Seconds, after each window on Redis (redis and every --cluster), with every client idle, that measure Redis's background traffic (membership, reminders); 0 skips it.", DefaultValueFactory = _ => 10 };
var configuration = new Option<string>("--configuration") { Description = "Build configuration of the Silo binary (--cluster always runs Release, as scripts/local-cluster.sh does).", DefaultValueFactory = _ => "Release" };
var siloSettings = new Option<string[]>("--silo-setting") { Description = "Extra key=value configuration for both TaskActors servers and every process of a --cluster, as TaskActors__* environment variables there (repeatable).", DefaultValueFactory = _ => [] };
var markdown = new Option<string?>("--markdown") { Description = "Also write the results as Markdown to this file." };

var root = new RootCommand("Drives many concurrent MCP clients creating no-op tasks and fetching their results over HTTP, side by side against TaskActors' real Silo (embedded, and in cluster mode on Redis), the TypeScript SDK's task server, and local clusters of several silo and gateway processes.")
{
    concurrency, duration, tasks, warmup, ttl, gets, servers, cluster, redisServer, redisIdle, configuration, siloSettings, markdown,
};
root.SetAction((parse, cancellationToken) => BenchmarkRun.RunAsync(
    new LoadSettings
    {
        Concurrency = parse.GetValue(concurrency)!,
        Duration = TimeSpan.FromSeconds(parse.GetValue(duration)),
        Tasks = parse.GetValue(tasks),
        Warmup = TimeSpan.FromSeconds(parse.GetValue(warmup)),
        TtlMilliseconds = parse.GetValue(ttl),
        GetsPerTask = parse.GetValue(gets),
        Servers = parse.GetResult(servers) is null or { Implicit: true } && parse.GetValue(cluster)!.Length > 0
            ? []
            : ServerSelection.Parse(parse.GetValue(servers)!),
        Clusters = ClusterShape.ParseList(parse.GetValue(cluster)!),
        RedisServer = parse.GetValue(redisServer)!,
        RedisIdle = TimeSpan.FromSeconds(parse.GetValue(redisIdle)),
        Configuration = parse.GetValue(configuration)!,
        SiloSettings = parse.GetValue(siloSettings)!,
        MarkdownPath = parse.GetValue(markdown),
    },
    "TaskLoad " + string.Join(' ', args),
    cancellationToken));
// Ctrl+C cancels the run; a local cluster's processes then take up to about 15 s to stop (SIGTERM, then SIGKILL).
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
