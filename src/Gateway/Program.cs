using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

// A gateway of its own: an Orleans client of the cluster that TaskActors:Cluster names, serving MCP Streamable HTTP.
// `dotnet run --project src/Gateway` (with TaskActors__Cluster__Redis set, or beside an embedded silo on this machine).
// A process that cannot start lists every problem with its settings and exits with code 1.
return await TaskActorsHost.RunAsync(
    args,
    "http://127.0.0.1:5081",
    builder =>
    {
        builder.AddTaskActorsClient();
        builder.AddMcpGateway();
    },
    app => app.MapMcpGateway());
