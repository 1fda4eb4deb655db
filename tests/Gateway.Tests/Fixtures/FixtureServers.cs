using TaskActors.Grains.Abstractions.Servers;
using TaskActors.Servers.Hosting;

namespace TaskActors.Gateway.Tests.Fixtures;

/// <summary>
/// The MCP servers the gateway tests serve: "samples" (the gateway's default) with a child mounted at "kid", and
/// "mounts" (served with <c>TaskActors:Gateway:Server=mounts</c>): a child "b" mounted in the root and a grandchild "a"
/// mounted in "b", each with its own <c>WithTaskSupport</c> default.
/// </summary>
public static class FixtureServers
{
    public const string Mounts = "mounts";

    public static ISiloBuilder AddFixtureServers(this ISiloBuilder silo) =>
        silo.AddMcpServer("samples", server => server
                .WithInfo("9.9.9", title: "Gateway fixtures")
                .WithInstructions("Fixtures for the gateway tests.")
                .WithTools<FixtureTools>()
                .WithTools<GatedTools>()
                .WithResources<FixtureResources>()
                .WithPrompts<FixturePrompts>()
                .WithCompletionHandler(FixtureCompletions.CompleteAsync)
                .WithLifespan((_, _) => ValueTask.FromResult<object>(new FixtureLifespan("fixture-lifespan")))
                .Mount("kid", child => child.WithTools<ChildTools>()))
            .AddMcpServer(Mounts, server => server
                .WithInfo("1.0.0", title: "Nested mounts")
                .Mount("b", b => b
                    .WithTaskSupport(ToolTaskSupport.Required)
                    .WithTools<NestedTools>()
                    .Mount("a", a => a
                        .WithTaskSupport(ToolTaskSupport.Optional)
                        .WithTools<NestedTools>())));
}
