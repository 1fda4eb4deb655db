using TaskActors.Runtime.Hosting;
using TaskActors.Servers.Hosting;

namespace TaskActors.Gateway.Tests.Fixtures;

/// <summary>The MCP server the gateway tests serve ("samples", the gateway's default), with a child mounted at "kid".</summary>
public static class FixtureServers
{
    public static ISiloBuilder AddFixtureServers(this ISiloBuilder silo) =>
        silo.AddMcpServer("samples", server => server
            .WithInfo("9.9.9", title: "Gateway fixtures")
            .WithInstructions("Fixtures for the gateway tests.")
            .WithTools<FixtureTools>()
            .WithTools<GatedTools>()
            .WithLifespan((_, _) => ValueTask.FromResult<object>(new FixtureLifespan("fixture-lifespan")))
            .Mount("kid", child => child.WithTools<ChildTools>()));
}
