using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using TaskActors.Grains.Abstractions.Tasks;
using TaskActors.Servers.Catalog;
using TaskActors.Servers.Context;

namespace TaskActors.Servers.Execution;

/// <summary>
/// Runs one tool of a hosted server with the task context restored: the SDK tool binds its parameters (arguments,
/// <c>McpServer</c>, <c>IProgress</c>, <c>CancellationToken</c>, services, <see cref="McpTaskContext"/>) exactly as the
/// C# SDK does. Failures become outcomes the way the SDK's server turns them into responses.
/// </summary>
internal sealed partial class ToolInvoker(HostedServerCatalog catalog, IServiceProvider services, TimeProvider timeProvider, ILogger<ToolInvoker> logger)
{
    public async Task<TaskOutcome> InvokeAsync(TaskContextSnapshot snapshot, bool isBackgroundTask, IClientChannel channel, CancellationToken cancellationToken)
    {
        if (!catalog.TryGet(snapshot.Server, out var server) || !server.Tools.TryGetValue(snapshot.Tool, out var tool))
        {
            return Outcomes.Error(McpErrorCode.InvalidParams, $"Unknown tool: '{snapshot.ExposedTool}'.");
        }

        await using var scope = services.CreateAsyncScope();
        var session = new GrainBackedMcpServer(snapshot, server, channel, scope.ServiceProvider);
        var context = new McpTaskContext(snapshot, server.ContextInfo, session, isBackgroundTask, timeProvider, cancellationToken);
        scope.ServiceProvider.GetRequiredService<McpTaskContextHolder>().Context = context;
        var request = new RequestContext<CallToolRequestParams>(session, new JsonRpcRequest { Id = OriginId(snapshot), Method = RequestMethods.ToolsCall }, Parameters(snapshot))
        {
            Services = scope.ServiceProvider,
            User = Principal(context),
        };

        using (McpTaskContext.Enter(context))
        {
            try
            {
                var result = await tool.Tool.InvokeAsync(request, cancellationToken).ConfigureAwait(false);
                return new TaskOutcome
                {
                    Result = JsonSerializer.SerializeToElement(result, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult))),
                    IsError = result.IsError == true,
                    Summary = result.IsError == true ? FirstText(result) : null,
                };
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (McpProtocolException ex)
            {
                return Outcomes.Error(ex.ErrorCode, ex.Message);
            }
            catch (McpException ex)
            {
                return Outcomes.ErrorResult(ex.Message);
            }
            catch (Exception ex)
            {
                // As the SDK's server does: the client learns that the tool failed, not the exception's internals.
                LogToolFailed(logger, snapshot.ExposedTool, snapshot.TaskId, ex);
                return Outcomes.ErrorResult($"An error occurred invoking '{snapshot.ExposedTool}'.");
            }
        }
    }

    private static RequestId OriginId(TaskContextSnapshot snapshot)
    {
        if (snapshot.OriginRequestId is { } text && JsonSerializer.Deserialize(text, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(RequestId))) is RequestId id)
        {
            return id;
        }

        return new RequestId(snapshot.TaskId);
    }

    private static CallToolRequestParams Parameters(TaskContextSnapshot snapshot)
    {
        var arguments = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (snapshot.Arguments is { ValueKind: JsonValueKind.Object } json)
        {
            foreach (var property in json.EnumerateObject())
            {
                arguments[property.Name] = property.Value.Clone();
            }
        }

        var parameters = new CallToolRequestParams { Name = snapshot.Tool, Arguments = arguments };
        if (snapshot.ProgressToken is { } token)
        {
            parameters.Meta = new JsonObject { ["progressToken"] = JsonNode.Parse(token.GetRawText()) };
        }

        return parameters;
    }

    private static ClaimsPrincipal? Principal(McpTaskContext context)
    {
        if (context.AccessToken is not { } token)
        {
            return null;
        }

        var claims = token.Claims.Select(c => new Claim(c.Key, c.Value)).ToList();
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Bearer", "sub", "role"));
    }

    private static string? FirstText(CallToolResult result) => result.Content.OfType<TextContentBlock>().FirstOrDefault()?.Text;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tool {Tool} failed in task {TaskId}")]
    private static partial void LogToolFailed(ILogger logger, string tool, string taskId, Exception exception);
}
