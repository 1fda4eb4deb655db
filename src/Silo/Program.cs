using TaskActors.Grains.Hosting;
using TaskActors.Runtime.Hosting;
using TaskActors.SampleServers.Hosting;

// One silo with the gateway co-hosted and in-memory providers: `dotnet run --project src/Silo`.
// Settings come from the binary's folder, wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]) && string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.HttpPortsKey]))
{
    // The development default, unless --urls, urls or ASPNETCORE_URLS (or ASPNETCORE_HTTP_PORTS) says otherwise.
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

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
