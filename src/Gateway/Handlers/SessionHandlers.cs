using System.Text.Json.Nodes;
using TaskActors.Gateway.JsonRpc;
using TaskActors.Gateway.Protocol;
using TaskActors.Grains.Abstractions.Sessions;

namespace TaskActors.Gateway.Handlers;

/// <summary>ping, logging/setLevel and notifications/initialized.</summary>
internal sealed class SessionHandlers(IGrainFactory grains)
{
    private static readonly HashSet<string> LogLevels = new(StringComparer.Ordinal) { "debug", "info", "notice", "warning", "error", "critical", "alert", "emergency" };

    public static ValueTask<McpReply> PingAsync(McpCall call, CancellationToken cancellationToken) => new(new ResultReply(new JsonObject()));

    public async ValueTask<McpReply> SetLevelAsync(McpCall call, CancellationToken cancellationToken)
    {
        var level = call.RequiredString("level");
        if (!LogLevels.Contains(level))
        {
            throw new McpRequestException(McpErrorCodes.InvalidParams, $"Invalid params: \"level\" must be one of {string.Join(", ", LogLevels)}.");
        }

        await grains.GetGrain<ISessionGrain>(call.Session.Id).SetLogLevelAsync(level, cancellationToken).ConfigureAwait(false);
        return new ResultReply(new JsonObject());
    }

    public async ValueTask<McpReply> InitializedAsync(McpCall call, CancellationToken cancellationToken)
    {
        await grains.GetGrain<ISessionGrain>(call.Session.Id).MarkInitializedAsync(cancellationToken).ConfigureAwait(false);
        return AcceptedReply.Instance;
    }
}
