using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using TaskActors.Grains.Abstractions.Servers;
using TaskActors.Grains.Abstractions.Tasks;
using TaskActors.Servers.Catalog;
using TaskActors.Servers.Context;

namespace TaskActors.Servers.Execution;

/// <summary>
/// Runs a hosted server's resource, prompt and completion handlers for plain requests. Failures become JSON-RPC errors:
/// the handler's own <c>McpProtocolException</c> as thrown, any other exception -32603 without its internals (logged).
/// </summary>
internal sealed partial class ServerRequestInvoker(HostedServerCatalog catalog, IServiceProvider services, TimeProvider timeProvider, ILogger<ServerRequestInvoker> logger)
{
    public async Task<ServerInvocationResult> InvokeAsync(ServerInvocation invocation, CancellationToken cancellationToken)
    {
        if (!catalog.TryGet(invocation.Context.Server, out var server))
        {
            return Fail(McpErrorCode.InvalidParams, $"Unknown server '{invocation.Context.Server}'.");
        }

        await using var scope = services.CreateAsyncScope();
        var session = new GrainBackedMcpServer(invocation.Context, server, NoClientChannel.Instance, scope.ServiceProvider);
        var context = new McpTaskContext(invocation.Context, server.ContextInfo, session, isBackgroundTask: false, timeProvider, cancellationToken);
        scope.ServiceProvider.GetRequiredService<McpTaskContextHolder>().Context = context;
        using var entered = McpTaskContext.Enter(context);
        try
        {
            return invocation.Method switch
            {
                RequestMethods.ResourcesRead => await ReadResourceAsync(server, session, scope.ServiceProvider, invocation, cancellationToken).ConfigureAwait(false),
                RequestMethods.PromptsGet => await GetPromptAsync(server, session, scope.ServiceProvider, invocation, cancellationToken).ConfigureAwait(false),
                RequestMethods.CompletionComplete => await CompleteAsync(server, invocation, cancellationToken).ConfigureAwait(false),
                _ => Fail(McpErrorCode.MethodNotFound, $"Method not found: '{invocation.Method}'."),
            };
        }
        catch (McpProtocolException ex)
        {
            return Fail(ex.ErrorCode, ex.Message);
        }
        catch (McpException ex)
        {
            return Fail(McpErrorCode.InternalError, ex.Message);
        }
        catch (JsonException ex)
        {
            return Fail(McpErrorCode.InvalidParams, $"Invalid params: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogHandlerFailed(logger, invocation.Method, invocation.Context.Server, ex);
            return Fail(McpErrorCode.InternalError, $"An error occurred handling '{invocation.Method}'.");
        }
    }

    private static async Task<ServerInvocationResult> ReadResourceAsync(HostedServer server, McpServer session, IServiceProvider scope, ServerInvocation invocation, CancellationToken cancellationToken)
    {
        var parameters = Read<ReadResourceRequestParams>(invocation.Params);
        var resource = server.Resources.FirstOrDefault(r => !r.IsTemplated && r.IsMatch(parameters.Uri))
            ?? server.Resources.FirstOrDefault(r => r.IsTemplated && r.IsMatch(parameters.Uri));
        if (resource is null)
        {
            return Fail(McpErrorCode.ResourceNotFound, $"Resource not found: '{parameters.Uri}'.");
        }

        var request = new RequestContext<ReadResourceRequestParams>(session, new JsonRpcRequest { Method = invocation.Method }, parameters) { Services = scope };
        return Ok(await resource.ReadAsync(request, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<ServerInvocationResult> GetPromptAsync(HostedServer server, McpServer session, IServiceProvider scope, ServerInvocation invocation, CancellationToken cancellationToken)
    {
        var parameters = Read<GetPromptRequestParams>(invocation.Params);
        if (!server.Prompts.TryGetValue(parameters.Name, out var prompt))
        {
            return Fail(McpErrorCode.InvalidParams, $"Unknown prompt: '{parameters.Name}'.");
        }

        var missing = (prompt.ProtocolPrompt.Arguments ?? []).Where(a => a.Required == true && parameters.Arguments?.ContainsKey(a.Name) != true).Select(a => a.Name).ToList();
        if (missing.Count > 0)
        {
            return Fail(McpErrorCode.InvalidParams, $"Invalid params: prompt '{parameters.Name}' needs the argument(s) {string.Join(", ", missing.Select(m => $"'{m}'"))}.");
        }

        var request = new RequestContext<GetPromptRequestParams>(session, new JsonRpcRequest { Method = invocation.Method }, parameters) { Services = scope };
        return Ok(await prompt.GetAsync(request, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<ServerInvocationResult> CompleteAsync(HostedServer server, ServerInvocation invocation, CancellationToken cancellationToken)
    {
        var parameters = Read<CompleteRequestParams>(invocation.Params);
        var result = server.Definition.CompletionHandler is { } handler
            ? await handler(parameters, server.ContextInfo, cancellationToken).ConfigureAwait(false)
            : new CompleteResult { Completion = new Completion { Values = [], Total = 0, HasMore = false } };
        return Ok(result);
    }

    private static T Read<T>(JsonElement? parameters) =>
        parameters is { } json && json.Deserialize(McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(T))) is T value
            ? value
            : throw new McpProtocolException($"Invalid params for {typeof(T).Name}.", McpErrorCode.InvalidParams);

    private static ServerInvocationResult Ok<T>(T result) =>
        new(JsonSerializer.SerializeToElement(result, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(T))), null);

    private static ServerInvocationResult Fail(McpErrorCode code, string message) =>
        new(null, new TaskError { Code = (int)code, Message = message });

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} failed in server {Server}")]
    private static partial void LogHandlerFailed(ILogger logger, string method, string server, Exception exception);
}
