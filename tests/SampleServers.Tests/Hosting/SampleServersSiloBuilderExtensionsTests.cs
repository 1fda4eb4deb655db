using System.Text.Json;
using TaskActors.Grains.Abstractions.Servers;
using TaskActors.SampleServers.Conformance;
using TaskActors.SampleServers.Hosting;
using TaskActors.SampleServers.Lifespan;
using TaskActors.SampleServers.Tests.Harness;
using Xunit;

namespace TaskActors.SampleServers.Tests.Hosting;

public sealed class SampleServersSiloBuilderExtensionsTests : SampleServersTest
{
    private static readonly Dictionary<string, (string Server, ToolTaskSupport Support)> ExpectedTools = new()
    {
        ["test_simple_text"] = (SampleServerNames.Samples, ToolTaskSupport.Forbidden),
        ["test_image_content"] = (SampleServerNames.Samples, ToolTaskSupport.Forbidden),
        ["test_audio_content"] = (SampleServerNames.Samples, ToolTaskSupport.Forbidden),
        ["test_embedded_resource"] = (SampleServerNames.Samples, ToolTaskSupport.Forbidden),
        ["test_multiple_content_types"] = (SampleServerNames.Samples, ToolTaskSupport.Forbidden),
        ["test_tool_with_logging"] = (SampleServerNames.Samples, ToolTaskSupport.Forbidden),
        ["test_error_handling"] = (SampleServerNames.Samples, ToolTaskSupport.Forbidden),
        ["test_tool_with_progress"] = (SampleServerNames.Samples, ToolTaskSupport.Forbidden),
        ["test_sampling"] = (SampleServerNames.Samples, ToolTaskSupport.Forbidden),
        ["test_elicitation"] = (SampleServerNames.Samples, ToolTaskSupport.Forbidden),
        ["test_elicitation_sep1034_defaults"] = (SampleServerNames.Samples, ToolTaskSupport.Forbidden),
        ["test_elicitation_sep1330_enums"] = (SampleServerNames.Samples, ToolTaskSupport.Forbidden),
        ["test_reconnection"] = (SampleServerNames.Samples, ToolTaskSupport.Forbidden),
        ["json_schema_2020_12_tool"] = (SampleServerNames.Samples, ToolTaskSupport.Forbidden),
        ["slow_echo"] = (SampleServerNames.Samples, ToolTaskSupport.Optional),
        ["required_job"] = (SampleServerNames.Samples, ToolTaskSupport.Required),
        ["sync_only"] = (SampleServerNames.Samples, ToolTaskSupport.Forbidden),
        ["noop"] = (SampleServerNames.Samples, ToolTaskSupport.Optional),
        ["boom"] = (SampleServerNames.Samples, ToolTaskSupport.Optional),
        ["soft_fail"] = (SampleServerNames.Samples, ToolTaskSupport.Optional),
        ["whoami"] = (SampleServerNames.Samples, ToolTaskSupport.Optional),
        ["ask_user"] = (SampleServerNames.Samples, ToolTaskSupport.Optional),
        ["tick_counter"] = (SampleServerNames.Samples, ToolTaskSupport.Optional),
        ["tick_count"] = (SampleServerNames.Samples, ToolTaskSupport.Forbidden),
        ["slow_whoami"] = (SampleServerNames.Samples, ToolTaskSupport.Optional),
        ["child_whoami"] = (SampleServerNames.ChildPath, ToolTaskSupport.Optional),
        ["child_slow_whoami"] = (SampleServerNames.ChildPath, ToolTaskSupport.Optional),
    };

    [Fact]
    public async Task AddSampleServers_ExposesEveryFixture_WithItsServerAndTaskSupport()
    {
        await using var host = await StartHostAsync();

        var tools = host.Descriptor.Tools.ToDictionary(t => t.ExposedName, t => (t.Server, t.TaskSupport));

        Assert.Equal(ExpectedTools.OrderBy(t => t.Key), tools.OrderBy(t => t.Key));
    }

    [Fact]
    public async Task AddSampleServers_DescribesEveryTool_WithADescriptionAndAnObjectInputSchema()
    {
        await using var host = await StartHostAsync();

        Assert.All(host.Descriptor.Tools, tool =>
        {
            Assert.False(string.IsNullOrWhiteSpace(JsonAssert.Property(tool.Definition, "description").GetString()), tool.ExposedName);
            Assert.Equal("object", JsonAssert.Property(JsonAssert.Property(tool.Definition, "inputSchema"), "type").GetString());
        });
    }

    [Fact]
    public async Task JsonSchemaTool_ListsItsHandWrittenSchema_Verbatim()
    {
        await using var host = await StartHostAsync();

        var tool = host.Descriptor.Tools.Single(t => t.ExposedName == "json_schema_2020_12_tool");
        var schema = JsonAssert.Property(tool.Definition, "inputSchema");

        Assert.Equal(JsonSchema202012Tool.InputSchema, schema.GetRawText());
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.GetProperty("$schema").GetString());
        Assert.Equal(JsonValueKind.Object, schema.GetProperty("$defs").GetProperty("address").ValueKind);
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public async Task AddSampleServers_ListsTheConformanceResourcesPromptsAndCompletions()
    {
        await using var host = await StartHostAsync();

        Assert.Equal(
            ["test://static-binary", "test://static-text", "test://template/{id}/data", "test://watched-resource"],
            host.Descriptor.Resources.Select(r => r.Uri).Order(StringComparer.Ordinal));
        Assert.True(host.Descriptor.Resources.Single(r => r.Uri == "test://template/{id}/data").IsTemplate);
        Assert.All(host.Descriptor.Resources, r => Assert.False(string.IsNullOrEmpty(JsonAssert.Property(r.Definition, "name").GetString())));
        Assert.Equal(
            ["test_prompt_with_arguments", "test_prompt_with_embedded_resource", "test_prompt_with_image", "test_simple_prompt"],
            host.Descriptor.Prompts.Select(p => p.ExposedName).Order(StringComparer.Ordinal));
        Assert.All(host.Descriptor.Prompts, p => Assert.False(string.IsNullOrWhiteSpace(JsonAssert.Property(p.Definition, "description").GetString())));
        Assert.True(host.Descriptor.Completions);
    }

    [Fact]
    public async Task PromptWithArguments_DeclaresBothArgumentsAsRequired()
    {
        await using var host = await StartHostAsync();

        var prompt = host.Descriptor.Prompts.Single(p => p.ExposedName == "test_prompt_with_arguments");

        JsonAssert.Equal(
            """[{"name":"arg1","description":"First test argument","required":true},{"name":"arg2","description":"Second test argument","required":true}]""",
            JsonAssert.Property(prompt.Definition, "arguments"));
    }

    [Fact]
    public async Task Lifespan_CreatesTheSamplesState_AndLeavesTheChildWithout()
    {
        var before = DateTimeOffset.UtcNow;
        await using var host = await StartHostAsync();

        Assert.True(host.Catalog.TryGet(SampleServerNames.Samples, out var samples));
        Assert.True(host.Catalog.TryGet(SampleServerNames.ChildPath, out var child));
        var state = Assert.IsType<SamplesLifespanState>(samples.LifespanState);
        Assert.InRange(state.StartedAt, before, DateTimeOffset.UtcNow);
        Assert.Null(child.LifespanState);
    }
}
