using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TaskActors.EndToEnd.Tests.Browser;

/// <summary>
/// A web server on a port of its own on loopback that serves one HTML page at <c>/</c>: a browser origin
/// (<c>http://127.0.0.1:port</c>) other than the silo's, for pages that call the silo cross-origin.
/// </summary>
public sealed class PageServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PageServer(WebApplication app) => _app = app;

    /// <summary>The origin the page is served from, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Origin => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    public static async Task<PageServer> StartAsync(string html, ILoggerProvider logging, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddProvider(logging);
        var app = builder.Build();
        app.MapGet("/", () => Results.Content(html, "text/html; charset=utf-8"));
        await app.StartAsync(cancellationToken);
        return new PageServer(app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
