using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TaskActors.Gateway.Auth;
using TaskActors.Gateway.Catalog;
using TaskActors.Gateway.Configuration;
using TaskActors.Gateway.Handlers;
using TaskActors.Gateway.Http;
using TaskActors.Gateway.Sessions;
using TaskActors.Gateway.Tasks;

namespace Microsoft.Extensions.Hosting;

/// <summary>Adds the MCP gateway to a host that is a silo or a runtime client.</summary>
public static class GatewayHostingExtensions
{
    /// <summary>Registers the gateway's services; map the endpoint with <c>app.MapMcpGateway()</c>. Options bind from <c>TaskActors:Gateway</c>.</summary>
    public static IHostApplicationBuilder AddMcpGateway(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<GatewayOptions>().Bind(builder.Configuration.GetSection("TaskActors").GetSection(GatewayOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>());
        services.AddOptions<GatewayAuthOptions>().Bind(builder.Configuration.GetSection("TaskActors").GetSection(GatewayAuthOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayAuthOptions>, GatewayAuthOptionsValidator>());
        services.AddAuthentication().AddJwtBearer();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions>, JwtBearerOptionsSetup>());
        services.TryAddSingleton<AnonymousRequesterResolver>();
        services.TryAddSingleton<JwtRequesterResolver>();
        services.TryAddSingleton<IRequesterResolver, RequesterResolver>();
        services.TryAddSingleton<CatalogCache>();
        services.TryAddSingleton<TaskContextFactory>();
        services.TryAddSingleton<TaskRelay>();
        services.TryAddSingleton<TaskOperationLimiter>();
        services.TryAddSingleton<AnonymousSessionLimiter>();
        services.TryAddSingleton<SessionRelay>();
        services.TryAddSingleton<ServerWorkers>();
        services.TryAddSingleton<InitializeHandler>();
        services.TryAddSingleton<SessionHandlers>();
        services.TryAddSingleton<ToolHandlers>();
        services.TryAddSingleton<TaskHandlers>();
        services.TryAddSingleton<ResourceHandlers>();
        services.TryAddSingleton<PromptHandlers>();
        services.TryAddSingleton<ClientMessageHandlers>();
        services.TryAddSingleton<McpDispatcher>();
        services.TryAddSingleton<StreamableHttpEndpoint>();
        services.AddHostedService<TaskActors.Gateway.Hosting.EndpointAnnouncer>();
        services.AddOptions<GatewayDrainOptions>().Bind(builder.Configuration.GetSection("TaskActors").GetSection(GatewayOptions.SectionName).GetSection(GatewayDrainOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayDrainOptions>, GatewayDrainOptionsValidator>());
        services.TryAddSingleton<GatewayDrain>();
        services.AddHostedService(provider => provider.GetRequiredService<GatewayDrain>());
        return builder;
    }
}
