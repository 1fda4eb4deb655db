using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using TaskActors.Grains.Abstractions.Servers;
using TaskActors.Grains.Abstractions.Tasks;
using TaskActors.SampleServers.Hosting;
using TaskActors.Servers.Catalog;
using TaskActors.Servers.Execution;

namespace TaskActors.SampleServers.Tests.Harness;

/// <summary>
/// The sample servers as a silo hosts them: registered with <c>AddSampleServers</c>, the catalog built from the
/// definitions, lifespans started; tools run through the silo's <see cref="ToolInvoker"/>, other requests through its
/// <see cref="ServerRequestInvoker"/>.
/// </summary>
internal sealed class SampleServersHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SampleServersHost(ServiceProvider services)
    {
        _services = services;
        Catalog = services.GetRequiredService<HostedServerCatalog>();
        Descriptor = Catalog.Describe("test-silo").Servers.Single(s => s.Path == SampleServerNames.Samples);
    }

    public HostedServerCatalog Catalog { get; }

    /// <summary>The samples server as the registry learns it: exposed tools, prompts, resources.</summary>
    public ServerDescriptor Descriptor { get; }

    public static async Task<SampleServersHost> StartAsync(ILoggerProvider loggerProvider, TimeProvider? timeProvider, CancellationToken cancellationToken)
    {
        var silo = new TestSiloBuilder();
        silo.Services.AddSingleton(timeProvider ?? TimeProvider.System);
        silo.Services.AddLogging(logging => logging.AddProvider(loggerProvider).SetMinimumLevel(LogLevel.Debug));
        silo.AddSampleServers();
        var services = silo.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var host = new SampleServersHost(services);
        await host.Catalog.StartLifespansAsync(services, cancellationToken);
        return host;
    }

    /// <summary>Runs a tool call to its outcome (or its cancellation).</summary>
    public Task<TaskOutcome> CallToolAsync(ToolCall call, IClientChannel? channel = null, CancellationToken cancellationToken = default)
    {
        var tool = Descriptor.Tools.SingleOrDefault(t => t.ExposedName == call.ExposedTool)
            ?? throw new InvalidOperationException($"The samples server exposes no tool '{call.ExposedTool}'.");
        var invoker = _services.GetRequiredService<ToolInvoker>();
        return invoker.InvokeAsync(call.ToSnapshot(tool.Server, tool.ToolName), call.IsBackgroundTask, channel ?? new RecordingClientChannel(), cancellationToken);
    }

    /// <summary>Runs a tool call that must return a result, and returns it.</summary>
    public async Task<CallToolResult> CallToolResultAsync(ToolCall call, IClientChannel? channel = null, CancellationToken cancellationToken = default)
    {
        var outcome = await CallToolAsync(call, channel, cancellationToken);
        if (outcome.Error is { } error)
        {
            throw new InvalidOperationException($"'{call.ExposedTool}' ended with error {error.Code}: {error.Message}");
        }

        return outcome.Result!.Value.Deserialize(McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult))) as CallToolResult
            ?? throw new InvalidOperationException($"'{call.ExposedTool}' returned no CallToolResult.");
    }

    /// <summary>Sends a resources/read, prompts/get or completion/complete request to the samples server.</summary>
    public Task<ServerInvocationResult> RequestAsync(string method, string parametersJson, CancellationToken cancellationToken = default)
    {
        var invocation = new ServerInvocation
        {
            Method = method,
            Params = JsonElement.Parse(parametersJson),
            Context = new ToolCall(string.Empty) { TaskId = string.Empty }.ToSnapshot(SampleServerNames.Samples, string.Empty),
        };
        return _services.GetRequiredService<ServerRequestInvoker>().InvokeAsync(invocation, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Catalog.StopLifespansAsync();
        await _services.DisposeAsync();
    }
}
