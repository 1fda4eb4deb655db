using TaskActors.Grains.Hosting;
using TaskActors.Runtime.Hosting;
using TaskActors.SampleServers.Hosting;

// One silo with the gateway co-hosted and in-memory providers: `dotnet run --project src/Silo`.
// Settings come from the binary's folder, wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
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
