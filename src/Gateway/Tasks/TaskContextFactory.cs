using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TaskActors.Gateway.Configuration;
using TaskActors.Gateway.Handlers;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Gateway.Tasks;

/// <summary>Captures a request's context (who, which session, which token, which tool) as a task's snapshot.</summary>
internal sealed class TaskContextFactory(IOptions<GatewayOptions> options)
{
    public TaskContextSnapshot Create(McpCall call, string taskId, string server, string tool, string exposedTool, JsonElement? arguments, JsonElement? progressToken)
    {
        var session = call.Session;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in options.Value.ForwardedHeaders)
        {
            if (call.Http.Request.Headers.TryGetValue(name, out var value) && value.Count > 0)
            {
                headers[name.ToLowerInvariant()] = value.ToString();
            }
        }

        return new TaskContextSnapshot
        {
            TaskId = taskId,
            Scope = session.Requester.Scope,
            SessionId = session.Id,
            OriginRequestId = call.Message.IdText,
            AccessToken = session.Requester.AccessToken,
            Headers = headers,
            Server = server,
            Tool = tool,
            ExposedTool = exposedTool,
            Arguments = arguments,
            ProgressToken = progressToken,
            TraceParent = Activity.Current?.Id ?? (headers.TryGetValue("traceparent", out var parent) ? parent : null),
            ProtocolVersion = session.ProtocolVersion,
            ClientCapabilities = session.Record.ClientCapabilities,
            ClientInfo = session.Record.ClientInfo,
            LogLevel = session.Record.LogLevel,
        };
    }
}
