using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TaskActors.Gateway.Catalog;
using TaskActors.Gateway.Configuration;
using TaskActors.Gateway.JsonRpc;
using TaskActors.Gateway.Protocol;
using TaskActors.Grains.Abstractions.Servers;
using TaskActors.Grains.Abstractions.Sessions;

namespace TaskActors.Gateway.Handlers;

/// <summary>resources/list, resources/templates/list, resources/read, resources/subscribe and resources/unsubscribe.</summary>
internal sealed class ResourceHandlers(IGrainFactory grains, CatalogCache catalog, ServerWorkers workers, IOptions<GatewayOptions> options)
{
    public async ValueTask<McpReply> ListAsync(McpCall call, CancellationToken cancellationToken)
    {
        var served = await catalog.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return Page(call, served.Resources, "resources");
    }

    public async ValueTask<McpReply> ListTemplatesAsync(McpCall call, CancellationToken cancellationToken)
    {
        var served = await catalog.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return Page(call, served.Templates, "resourceTemplates");
    }

    public async ValueTask<McpReply> ReadAsync(McpCall call, CancellationToken cancellationToken)
    {
        var uri = call.RequiredString("uri");
        var served = await catalog.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var resource = served.FindResource(uri)
            ?? throw new McpRequestException(McpErrorCodes.ResourceNotFound, $"Resource not found: '{uri}'.", new JsonObject { ["uri"] = uri });
        return await workers.InvokeAsync(call, resource.Server, JsonNode.Parse(call.Params.GetRawText())!, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records the subscription in the session and answers <c>{}</c>. No server can announce a change of a resource yet,
    /// so no <c>notifications/resources/updated</c> is ever sent and initialize advertises <c>resources.subscribe: false</c>;
    /// the request is still answered for clients that send it regardless (the conformance suite does).
    /// </summary>
    public ValueTask<McpReply> SubscribeAsync(McpCall call, CancellationToken cancellationToken) => SetSubscriptionAsync(call, true, cancellationToken);

    public ValueTask<McpReply> UnsubscribeAsync(McpCall call, CancellationToken cancellationToken) => SetSubscriptionAsync(call, false, cancellationToken);

    private async ValueTask<McpReply> SetSubscriptionAsync(McpCall call, bool subscribed, CancellationToken cancellationToken)
    {
        var uri = call.RequiredString("uri");
        var served = await catalog.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (subscribed && served.FindResource(uri) is null)
        {
            throw new McpRequestException(McpErrorCodes.ResourceNotFound, $"Resource not found: '{uri}'.", new JsonObject { ["uri"] = uri });
        }

        await grains.GetGrain<ISessionGrain>(call.Session.Id).SetSubscriptionAsync(uri, subscribed, cancellationToken).ConfigureAwait(false);
        return new ResultReply(new JsonObject());
    }

    private ResultReply Page(McpCall call, IReadOnlyList<ResourceDescriptor> items, string property)
    {
        var (page, next) = Pagination.Page(items, call.OptionalString("cursor"), options.Value.PageSize);
        var result = new JsonObject { [property] = new JsonArray([.. page.Select(r => JsonNode.Parse(r.Definition.GetRawText()))]) };
        if (next is not null)
        {
            result["nextCursor"] = next;
        }

        return new ResultReply(result);
    }
}
