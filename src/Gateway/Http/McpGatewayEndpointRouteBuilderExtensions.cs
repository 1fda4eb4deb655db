using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http;
using TaskActors.Gateway.Auth;
using TaskActors.Gateway.Configuration;
using TaskActors.Gateway.Http;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the MCP endpoint.</summary>
public static class McpGatewayEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the Streamable HTTP MCP endpoint at <c>TaskActors:Gateway:Path</c> (default <c>/mcp</c>): POST, GET and DELETE
    /// on one path, CORS preflight on OPTIONS for the allowed origins, 405 for other methods. Requires <c>AddMcpGateway()</c>.
    /// </summary>
    public static IEndpointConventionBuilder MapMcpGateway(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var endpoint = endpoints.ServiceProvider.GetService<StreamableHttpEndpoint>()
            ?? throw new InvalidOperationException("MapMcpGateway needs the gateway's services; call builder.AddMcpGateway() first.");
        var path = endpoints.ServiceProvider.GetRequiredService<IOptions<GatewayOptions>>().Value.Path;
        var group = endpoints.MapGroup(path);
        group.MapPost(string.Empty, endpoint.Guard(endpoint.HandlePostAsync));
        group.MapGet(string.Empty, endpoint.Guard(endpoint.HandleGetAsync));
        group.MapDelete(string.Empty, endpoint.Guard(endpoint.HandleDeleteAsync));
        group.MapMethods(string.Empty, ["PUT", "PATCH", "HEAD"], StreamableHttpEndpoint.HandleOtherAsync);
        group.MapMethods(string.Empty, ["OPTIONS"], McpCors.HandleOptionsAsync);
        ((IEndpointConventionBuilder)group).Add(McpCors.Apply);

        // RFC 9728: where clients learn which authorization server issues tokens for this resource.
        var auth = endpoints.ServiceProvider.GetRequiredService<IOptions<GatewayAuthOptions>>().Value;
        if (auth.Mode == AuthMode.Jwt)
        {
            var metadata = ProtectedResourceMetadata.Document(auth).ToJsonString();
            var resourcePath = new Uri(auth.Audience!).AbsolutePath.TrimEnd('/');
            foreach (var route in new[] { ProtectedResourceMetadata.WellKnownPrefix + resourcePath, ProtectedResourceMetadata.WellKnownPrefix }.Distinct())
            {
                endpoints.MapGet(route, () => Results.Content(metadata, "application/json"));
            }
        }

        return group;
    }
}
