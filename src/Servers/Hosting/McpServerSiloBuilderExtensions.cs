using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using TaskActors.Servers.Catalog;
using TaskActors.Servers.Context;
using TaskActors.Servers.Definition;
using TaskActors.Servers.Execution;

namespace TaskActors.Servers.Hosting;

/// <summary>Adds MCP servers to a silo.</summary>
public static class McpServerSiloBuilderExtensions
{
    /// <summary>
    /// Hosts an MCP server named <paramref name="name"/> in this silo (every silo of a cluster should host the same
    /// servers). Tools, resources and prompts are classes written with the C# SDK's attributes.
    /// </summary>
    public static ISiloBuilder AddMcpServer(this ISiloBuilder builder, string name, Action<McpServerBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        McpServerNames.Validate(name, "server name");
        var definition = new McpServerDefinition(name);
        configure(new McpServerBuilder(definition));
        builder.Services.AddSingleton(definition);
        AddHostingServices(builder.Services);
        return builder;
    }

    private static void AddHostingServices(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(HostedServerCatalog)))
        {
            return;
        }

        services.TryAddSingleton(sp => new HostedServerCatalog(sp.GetServices<McpServerDefinition>(), sp));
        services.TryAddSingleton<ToolInvoker>();
        services.TryAddSingleton<ServerRequestInvoker>();
        services.TryAddSingleton(sp => new ToolRunService(
            sp.GetRequiredService<ToolInvoker>(),
            sp.GetRequiredService<IGrainFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ToolRunService>>(),
            sp.GetRequiredService<ILocalSiloDetails>()));
        services.TryAddScoped<McpTaskContextHolder>();
        services.TryAddScoped(sp => sp.GetRequiredService<McpTaskContextHolder>().Context
            ?? throw new InvalidOperationException("McpTaskContext is only available while a tool, resource or prompt handler runs."));
        services.AddHostedService<ServerRegistrationService>();
    }
}
