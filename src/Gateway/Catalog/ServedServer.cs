using System.Text.Json;
using System.Text.RegularExpressions;
using TaskActors.Grains.Abstractions.Servers;

namespace TaskActors.Gateway.Catalog;

/// <summary>The server the endpoint serves, indexed for lookups: tools, prompts and resources by their exposed names.</summary>
internal sealed class ServedServer
{
    public ServedServer(ServerDescriptor descriptor, long version)
    {
        Descriptor = descriptor;
        Version = version;
        Tools = [.. descriptor.Tools.OrderBy(t => t.ExposedName, StringComparer.Ordinal)];
        Prompts = [.. descriptor.Prompts.OrderBy(p => p.ExposedName, StringComparer.Ordinal)];
        Resources = [.. descriptor.Resources.Where(r => !r.IsTemplate).OrderBy(r => r.Uri, StringComparer.Ordinal)];
        Templates = [.. descriptor.Resources.Where(r => r.IsTemplate).OrderBy(r => r.Uri, StringComparer.Ordinal)];
        ToolsByName = Tools.ToDictionary(t => t.ExposedName, StringComparer.Ordinal);
        PromptsByName = Prompts.ToDictionary(p => p.ExposedName, StringComparer.Ordinal);
        _templatePatterns = [.. Templates.Select(t => (t, UriTemplatePattern(t.Uri)))];
    }

    private readonly List<(ResourceDescriptor Template, Regex Pattern)> _templatePatterns;

    public ServerDescriptor Descriptor { get; }

    public long Version { get; }

    public IReadOnlyList<ToolDescriptor> Tools { get; }

    public IReadOnlyList<PromptDescriptor> Prompts { get; }

    public IReadOnlyList<ResourceDescriptor> Resources { get; }

    public IReadOnlyList<ResourceDescriptor> Templates { get; }

    public IReadOnlyDictionary<string, ToolDescriptor> ToolsByName { get; }

    public IReadOnlyDictionary<string, PromptDescriptor> PromptsByName { get; }

    /// <summary>The server owning a resource URI: a listed resource first, else the first matching template.</summary>
    public ResourceDescriptor? FindResource(string uri) =>
        Resources.FirstOrDefault(r => r.Uri == uri) ?? _templatePatterns.FirstOrDefault(t => t.Pattern.IsMatch(uri)).Template;

    /// <summary>The template with this exact URI template (completion references name templates).</summary>
    public ResourceDescriptor? FindTemplate(string uriTemplate) => Templates.FirstOrDefault(t => t.Uri == uriTemplate);

    public JsonElement Info => Descriptor.Info;

    /// <summary>RFC 6570 level-1 matching: each <c>{var}</c> matches one path segment.</summary>
    private static Regex UriTemplatePattern(string template)
    {
        var pattern = Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+");
        return new Regex($"^{pattern}$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }
}
