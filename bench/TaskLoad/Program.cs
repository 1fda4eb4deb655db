using System.CommandLine;
using TaskActors.TaskLoad;
using TaskActors.TaskLoad.Hosting;

var concurrency = new Option<int[]>("--concurrency", "-c")
{
    Description = "Concurrent clients, each on its own MCP session; give several to measure each level.",
    DefaultValueFactory = _ => [32],
    AllowMultipleArgumentsPerToken = true,
};
var duration = new Option<double>("--duration", "-d") { Description = "Seconds each measured window lasts.", DefaultValueFactory = _ => 20 };
var tasks = new Option<int?>("--tasks", "-n") { Description = "Tasks per measured window, instead of --duration." };
var warmup = new Option<double>("--warmup") { Description = "Seconds of the same load, unmeasured, before each window.", DefaultValueFactory = _ => 30 };
var ttl = new Option<long>("--ttl") { Description = "The ttl (ms) each tools/call requests for its task.", DefaultValueFactory = _ => 60_000 };
var gets = new Option<int>("--gets") { Description = "tasks/get requests per task, between the create and tasks/result.", DefaultValueFactory = _ => 1 };
var servers = new Option<string>("--servers") { Description = "Which servers to drive.", DefaultValueFactory = _ => "both" };
servers.AcceptOnlyFromAmong("both", "taskactors", "ts");
var configuration = new Option<string>("--configuration") { Description = "Build configuration of the Silo binary.", DefaultValueFactory = _ => "Release" };
var siloSettings = new Option<string[]>("--silo-setting") { Description = "Extra key=value configuration for the Silo (repeatable).", DefaultValueFactory = _ => [] };
var markdown = new Option<string?>("--markdown") { Description = "Also write the results as Markdown to this file." };

var root = new RootCommand("Drives many concurrent MCP clients creating no-op tasks and fetching their results over HTTP, against TaskActors' real Silo and the TypeScript SDK's task server.")
{
    concurrency, duration, tasks, warmup, ttl, gets, servers, configuration, siloSettings, markdown,
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
        Servers = parse.GetValue(servers) switch
        {
            "taskactors" => [ServerKind.TaskActors],
            "ts" => [ServerKind.TypeScript],
            _ => [ServerKind.TaskActors, ServerKind.TypeScript],
        },
        Configuration = parse.GetValue(configuration)!,
        SiloSettings = parse.GetValue(siloSettings)!,
        MarkdownPath = parse.GetValue(markdown),
    },
    "TaskLoad " + string.Join(' ', args),
    cancellationToken));
return await root.Parse(args).InvokeAsync();
