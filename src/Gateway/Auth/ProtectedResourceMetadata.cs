using System.Text.Json.Nodes;

namespace TaskActors.Gateway.Auth;

/// <summary>OAuth 2.0 Protected Resource Metadata (RFC 9728) for the MCP endpoint, and where it is published.</summary>
internal static class ProtectedResourceMetadata
{
    public const string WellKnownPrefix = "/.well-known/oauth-protected-resource";

    /// <summary>
    /// The metadata URL for a resource: the well-known prefix inserted between the resource's origin and its path
    /// (RFC 9728 §3.1), e.g. <c>https://host/.well-known/oauth-protected-resource/mcp</c>.
    /// </summary>
    public static string Url(string resource)
    {
        var uri = new Uri(resource);
        var path = uri.AbsolutePath.TrimEnd('/');
        return $"{uri.GetLeftPart(UriPartial.Authority)}{WellKnownPrefix}{path}";
    }

    public static JsonObject Document(GatewayAuthOptions options)
    {
        var servers = options.AuthorizationServers.Count > 0 ? options.AuthorizationServers : [options.Authority ?? options.Issuer!];
        var document = new JsonObject
        {
            ["resource"] = options.Audience,
            ["authorization_servers"] = new JsonArray([.. servers.Select(s => (JsonNode)s)]),
            ["bearer_methods_supported"] = new JsonArray("header"),
            ["resource_name"] = "TaskActors MCP",
        };
        if (options.RequiredScopes.Count > 0)
        {
            document["scopes_supported"] = new JsonArray([.. options.RequiredScopes.Select(s => (JsonNode)s)]);
        }

        return document;
    }
}
