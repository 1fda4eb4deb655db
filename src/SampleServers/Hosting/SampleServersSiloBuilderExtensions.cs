using TaskActors.SampleServers.Child;
using TaskActors.SampleServers.Conformance;
using TaskActors.SampleServers.Lifespan;
using TaskActors.SampleServers.Tasks;
using TaskActors.Servers.Hosting;

namespace TaskActors.SampleServers.Hosting;

/// <summary>Hosts the sample servers in a silo.</summary>
public static class SampleServersSiloBuilderExtensions
{
    /// <summary>
    /// Hosts the <c>samples</c> server: the MCP conformance suite's fixtures (tools, resources, prompts, completions),
    /// the task fixtures with their lifespan state, and a child server mounted under <c>child</c>.
    /// </summary>
    public static ISiloBuilder AddSampleServers(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddMcpServer(SampleServerNames.Samples, server => server
            .WithInfo("1.0.0", title: "TaskActors samples", description: "MCP conformance fixtures and task fixtures.")
            .WithInstructions("Fixtures for the MCP conformance suite and for background tasks; nothing here has side effects.")
            .WithTools<ConformanceContentTools>()
            .WithTools<ConformanceInteractionTools>()
            .WithTools<ConformanceElicitationTools>()
            .WithTools([JsonSchema202012Tool.Create()])
            .WithResources<ConformanceResources>()
            .WithPrompts<ConformancePrompts>()
            .WithCompletionHandler(ConformanceCompletions.CompleteAsync)
            .WithTools<TaskFixtureTools>()
            .WithTools<ContextFixtureTools>()
            .WithTools<TickCounterTools>()
            .WithTools<FailoverFixtureTools>()
            .WithLifespan(SamplesLifespanState.StartAsync)
            .Mount(SampleServerNames.ChildPrefix, child => child
                .WithInfo("1.0.0", title: "TaskActors samples child")
                .WithTools<ChildTools>()
                .WithTools<ChildFailoverTools>()));
    }
}
