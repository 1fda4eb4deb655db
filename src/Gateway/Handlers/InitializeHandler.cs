using System.Text.Json.Nodes;
using TaskActors.Gateway.Auth;
using TaskActors.Gateway.Catalog;
using TaskActors.Gateway.Cluster;
using TaskActors.Gateway.JsonRpc;
using TaskActors.Gateway.Protocol;
using TaskActors.Gateway.Sessions;
using TaskActors.Grains.Abstractions.Sessions;

namespace TaskActors.Gateway.Handlers;

/// <summary>
/// initialize: negotiates the version, records the session in its grain, and describes the server. Recording the session
/// is retried through the cluster's and the store's passing failures (<see cref="ClusterRetry"/>); a session id already
/// taken (also by an earlier try whose answer was lost) is given up for a new one.
/// </summary>
internal sealed class InitializeHandler(IGrainFactory grains, CatalogCache catalog, TimeProvider timeProvider)
{
    public async Task<(McpReply Reply, string? SessionId)> HandleAsync(JsonRpcMessage message, Requester requester, Microsoft.AspNetCore.Http.HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        var parameters = message.ParamsOrEmpty;
        if (ParamsCheck.Check(McpMethods.Initialize, parameters) is { } malformed)
        {
            return (malformed, null);
        }

        var requested = parameters.GetProperty("protocolVersion");
        var capabilities = parameters.GetProperty("capabilities");
        var clientInfo = parameters.GetProperty("clientInfo");

        var served = await catalog.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var version = McpProtocolVersions.Negotiate(requested.GetString());
        var init = new SessionInit
        {
            ProtocolVersion = version,
            ClientInfo = clientInfo.Clone(),
            ClientCapabilities = capabilities.Clone(),
            Principal = requester.Principal,
        };

        string sessionId;
        bool created;
        do
        {
            sessionId = SessionIds.NewSessionId();
            var session = grains.GetGrain<ISessionGrain>(sessionId);
            created = await ClusterRetry.RunAsync(ct => session.InitializeAsync(init, ct), http, timeProvider).ConfigureAwait(false);
        }
        while (!created);

        var result = new JsonObject
        {
            ["protocolVersion"] = version,
            ["capabilities"] = Capabilities(served, version),
            ["serverInfo"] = JsonNode.Parse(served.Info.GetRawText()),
        };
        if (served.Descriptor.Instructions is { } instructions)
        {
            result["instructions"] = instructions;
        }

        return (new ResultReply(result), sessionId);
    }

    private static JsonObject Capabilities(ServedServer served, string version)
    {
        var capabilities = new JsonObject
        {
            ["logging"] = new JsonObject(),
            ["tools"] = new JsonObject { ["listChanged"] = false },
            ["resources"] = new JsonObject { ["subscribe"] = false, ["listChanged"] = false },
            ["prompts"] = new JsonObject { ["listChanged"] = false },
        };
        if (served.Descriptor.Completions)
        {
            capabilities["completions"] = new JsonObject();
        }

        if (McpProtocolVersions.HasTasks(version))
        {
            capabilities["tasks"] = new JsonObject
            {
                ["list"] = new JsonObject(),
                ["cancel"] = new JsonObject(),
                ["requests"] = new JsonObject { ["tools"] = new JsonObject { ["call"] = new JsonObject() } },
            };
        }

        return capabilities;
    }
}
