using TaskActors.Grains.Hosting;
using TaskActors.Runtime.Hosting;
using TaskActors.SampleServers.Hosting;

// One silo with the gateway co-hosted and in-memory providers: `dotnet run --project src/Silo`.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddActorSilo(silo => silo
    .UseLocalCluster()
    .AddTaskActorsGrains()
    .AddTaskActorsMemoryStorage()
    .AddSampleServers());
builder.AddMcpGateway();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapMcpGateway();
app.Run();
