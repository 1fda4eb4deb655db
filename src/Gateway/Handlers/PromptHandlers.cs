using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TaskActors.Gateway.Catalog;
using TaskActors.Gateway.Configuration;
using TaskActors.Gateway.JsonRpc;
using TaskActors.Gateway.Protocol;

namespace TaskActors.Gateway.Handlers;

/// <summary>prompts/list, prompts/get and completion/complete.</summary>
internal sealed class PromptHandlers(CatalogCache catalog, ServerWorkers workers, IOptions<GatewayOptions> options)
{
    public async ValueTask<McpReply> ListAsync(McpCall call, CancellationToken cancellationToken)
    {
        var served = await catalog.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var (page, next) = Pagination.Page(served.Prompts, call.OptionalString("cursor"), options.Value.PageSize);
        var prompts = new JsonArray([.. page.Select(p =>
        {
            var json = (JsonObject)JsonNode.Parse(p.Definition.GetRawText())!;
            json["name"] = p.ExposedName;
            return (JsonNode)json;
        })]);
        var result = new JsonObject { ["prompts"] = prompts };
        if (next is not null)
        {
            result["nextCursor"] = next;
        }

        return new ResultReply(result);
    }

    public async ValueTask<McpReply> GetAsync(McpCall call, CancellationToken cancellationToken)
    {
        var name = call.RequiredString("name");
        var served = await catalog.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!served.PromptsByName.TryGetValue(name, out var prompt))
        {
            throw new McpRequestException(McpErrorCodes.InvalidParams, $"Unknown prompt: '{name}'.");
        }

        var parameters = (JsonObject)JsonNode.Parse(call.Params.GetRawText())!;
        parameters["name"] = prompt.PromptName;
        return await workers.InvokeAsync(call, prompt.Server, parameters, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<McpReply> CompleteAsync(McpCall call, CancellationToken cancellationToken)
    {
        if (!call.Params.TryGetProperty("ref", out var reference) || reference.ValueKind != JsonValueKind.Object
            || !reference.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            throw new McpRequestException(McpErrorCodes.InvalidParams, "Invalid params: \"ref\" must be an object with a \"type\".");
        }

        var served = await catalog.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var parameters = (JsonObject)JsonNode.Parse(call.Params.GetRawText())!;
        string server;
        switch (type.GetString())
        {
            case "ref/prompt":
                var name = reference.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : string.Empty;
                if (!served.PromptsByName.TryGetValue(name, out var prompt))
                {
                    throw new McpRequestException(McpErrorCodes.InvalidParams, $"Unknown prompt: '{name}'.");
                }

                parameters["ref"]!["name"] = prompt.PromptName;
                server = prompt.Server;
                break;
            case "ref/resource":
                var uri = reference.TryGetProperty("uri", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString()! : string.Empty;
                server = (served.FindTemplate(uri) ?? served.FindResource(uri))?.Server
                    ?? throw new McpRequestException(McpErrorCodes.InvalidParams, $"Unknown resource or template: '{uri}'.");
                break;
            default:
                throw new McpRequestException(McpErrorCodes.InvalidParams, $"Invalid params: unknown reference type '{type.GetString()}'.");
        }

        return await workers.InvokeAsync(call, server, parameters, cancellationToken).ConfigureAwait(false);
    }
}
