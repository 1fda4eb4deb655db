using TaskActors.SampleServers.Hosting;

// A silo with the gateway co-hosted: `dotnet run --project src/Silo`. Without TaskActors:Cluster:Redis it is the
// embedded default (one silo, in-memory state); with it, one silo of a cluster on Redis. A process that cannot start
// lists every problem with its settings and exits with code 1.
return await TaskActorsHost.RunAsync(
    args,
    "http://127.0.0.1:5080",
    builder =>
    {
        builder.AddTaskActorsSilo(silo => silo.AddSampleServers());
        builder.AddTaskActorsDashboard();
        builder.AddMcpGateway();
    },
    app => app.MapMcpGateway());
