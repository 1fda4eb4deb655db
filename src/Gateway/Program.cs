using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

// A gateway of its own: an Orleans client of the cluster that TaskActors:Cluster names, serving MCP Streamable HTTP.
// `dotnet run --project src/Gateway` (with TaskActors__Cluster__Redis set, or beside an embedded silo on this machine).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]) && string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.HttpPortsKey]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5081");
}

builder.AddServiceDefaults();
builder.AddTaskActorsClient();
builder.AddMcpGateway();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapMcpGateway();
app.Run();
