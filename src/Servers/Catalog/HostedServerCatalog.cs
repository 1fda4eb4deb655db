using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using TaskActors.Grains.Abstractions.Servers;
using TaskActors.Servers.Definition;

namespace TaskActors.Servers.Catalog;

/// <summary>
/// The servers this silo hosts, built from their definitions with the SDK's own tool, resource and prompt factories, so
/// schemas and parameter binding are exactly the SDK's.
/// </summary>
internal sealed class HostedServerCatalog
{
    private readonly Dictionary<string, HostedServer> _byPath = new(StringComparer.Ordinal);
    private readonly List<HostedServer> _roots = [];

    public HostedServerCatalog(IEnumerable<McpServerDefinition> definitions, IServiceProvider services)
    {
        foreach (var definition in definitions)
        {
            if (_byPath.ContainsKey(definition.Name))
            {
                throw new InvalidOperationException($"Two MCP servers are named '{definition.Name}'.");
            }

            var root = Add(definition.Name, definition, string.Empty, services);
            _roots.Add(root);
        }
    }

    public IReadOnlyList<HostedServer> Roots => _roots;

    public IEnumerable<HostedServer> All => _byPath.Values;

    public bool TryGet(string path, out HostedServer server) => _byPath.TryGetValue(path, out server!);

    /// <summary>Describes every top-level server with its whole mounted subtree, for the server registry.</summary>
    public SiloServers Describe(string silo) => new(silo, [.. _roots.Select(Describe)]);

    private HostedServer Add(string path, McpServerDefinition definition, string exposePrefix, IServiceProvider services)
    {
        var server = new HostedServer(path, definition, exposePrefix);
        _byPath.Add(path, server);
        foreach (var type in definition.ToolTypes)
        {
            foreach (var method in Methods<McpServerToolAttribute>(type))
            {
                AddTool(server, method.IsStatic
                    ? McpServerTool.Create(method, (object?)null, new McpServerToolCreateOptions { Services = services })
                    : McpServerTool.Create(method, request => ActivatorUtilities.CreateInstance(request.Services ?? services, type), new McpServerToolCreateOptions { Services = services }));
            }
        }

        foreach (var tool in definition.Tools)
        {
            AddTool(server, tool);
        }

        foreach (var type in definition.ResourceTypes)
        {
            foreach (var method in Methods<McpServerResourceAttribute>(type))
            {
                server.Resources.Add(method.IsStatic
                    ? McpServerResource.Create(method, (object?)null, new McpServerResourceCreateOptions { Services = services })
                    : McpServerResource.Create(method, request => ActivatorUtilities.CreateInstance(request.Services ?? services, type), new McpServerResourceCreateOptions { Services = services }));
            }
        }

        foreach (var type in definition.PromptTypes)
        {
            foreach (var method in Methods<McpServerPromptAttribute>(type))
            {
                var prompt = method.IsStatic
                    ? McpServerPrompt.Create(method, (object?)null, new McpServerPromptCreateOptions { Services = services })
                    : McpServerPrompt.Create(method, request => ActivatorUtilities.CreateInstance(request.Services ?? services, type), new McpServerPromptCreateOptions { Services = services });
                if (!server.Prompts.TryAdd(prompt.ProtocolPrompt.Name, prompt))
                {
                    throw new InvalidOperationException($"Server '{path}' has two prompts named '{prompt.ProtocolPrompt.Name}'.");
                }
            }
        }

        foreach (var child in definition.Mounts)
        {
            Add(McpServerNames.ChildPath(path, child.Name), child, McpServerNames.Expose(exposePrefix, child.Name), services);
        }

        return server;
    }

    /// <summary>Creates every server's lifespan state on this silo (before it takes calls).</summary>
    public async Task StartLifespansAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        foreach (var server in All)
        {
            if (server.Definition.Lifespan is { } lifespan)
            {
                server.LifespanState = await lifespan(services, cancellationToken);
            }
        }
    }

    /// <summary>Disposes every server's lifespan state that is disposable (after the silo stopped taking calls).</summary>
    public async Task StopLifespansAsync()
    {
        foreach (var server in All)
        {
            switch (server.LifespanState)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    /// <summary>Adds a tool; its <see cref="TaskSupportAttribute"/> (from the method, in the SDK's tool metadata) wins over the server's default.</summary>
    private static void AddTool(HostedServer server, McpServerTool tool)
    {
        var support = tool.Metadata.OfType<TaskSupportAttribute>().LastOrDefault()?.Support ?? server.Definition.DefaultTaskSupport;
        if (!server.Tools.TryAdd(tool.ProtocolTool.Name, new HostedTool(tool, support)))
        {
            throw new InvalidOperationException($"Server '{server.Path}' has two tools named '{tool.ProtocolTool.Name}'.");
        }
    }

    private ServerDescriptor Describe(HostedServer root)
    {
        var subtree = _byPath.Values.Where(s => s.Path == root.Path || s.Path.StartsWith(root.Path + "/", StringComparison.Ordinal)).ToList();
        var tools = subtree.SelectMany(s => s.Tools.Select(t => new ToolDescriptor
        {
            ExposedName = McpServerNames.Expose(s.ExposePrefix, t.Key),
            Server = s.Path,
            ToolName = t.Key,
            Definition = JsonSerializer.SerializeToElement(t.Value.Tool.ProtocolTool, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(Tool))),
            TaskSupport = t.Value.TaskSupport,
        })).ToList();
        var duplicate = tools.GroupBy(t => t.ExposedName).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Server '{root.Path}' exposes two tools named '{duplicate.Key}' (from {string.Join(" and ", duplicate.Select(t => t.Server))}).");
        }

        return new ServerDescriptor
        {
            Path = root.Path,
            Info = JsonSerializer.SerializeToElement(root.Definition.Info, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(Implementation))),
            Instructions = root.Definition.Instructions,
            Tools = tools,
            Prompts = [.. subtree.SelectMany(s => s.Prompts.Select(p => new PromptDescriptor
            {
                ExposedName = McpServerNames.Expose(s.ExposePrefix, p.Key),
                Server = s.Path,
                PromptName = p.Key,
                Definition = JsonSerializer.SerializeToElement(p.Value.ProtocolPrompt, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(Prompt))),
            }))],
            Resources = [.. subtree.SelectMany(s => s.Resources.Select(r => r.IsTemplated
                ? new ResourceDescriptor
                {
                    Uri = r.ProtocolResourceTemplate.UriTemplate,
                    IsTemplate = true,
                    Server = s.Path,
                    Definition = JsonSerializer.SerializeToElement(r.ProtocolResourceTemplate, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ResourceTemplate))),
                }
                : new ResourceDescriptor
                {
                    Uri = r.ProtocolResource!.Uri,
                    IsTemplate = false,
                    Server = s.Path,
                    Definition = JsonSerializer.SerializeToElement(r.ProtocolResource, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(Resource))),
                }))],
            Completions = subtree.Any(s => s.Definition.CompletionHandler is not null),
        };
    }

    private static IEnumerable<MethodInfo> Methods<TAttribute>(Type type)
        where TAttribute : Attribute =>
        type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance)
            .Where(m => m.IsDefined(typeof(TAttribute), inherit: false));
}
