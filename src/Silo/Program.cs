using TaskActors.SampleServers.Hosting;

// A silo with the gateway co-hosted: `dotnet run --project src/Silo`. Without TaskActors:Cluster:Redis it is the
// embedded default (one silo, in-memory state); with it, one silo of a cluster on Redis.
// Settings come from the binary's folder, wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]) && string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.HttpPortsKey]))
{
    // The development default, unless --urls, urls or ASPNETCORE_URLS (or ASPNETCORE_HTTP_PORTS) says otherwise.
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

builder.AddServiceDefaults();
builder.AddTaskActorsSilo(silo => silo.AddSampleServers());
builder.AddTaskActorsDashboard();
builder.AddMcpGateway();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapMcpGateway();
app.Run();
