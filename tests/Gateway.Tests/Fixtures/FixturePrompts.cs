using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace TaskActors.Gateway.Tests.Fixtures;

/// <summary>Prompts of the fixture server: one without arguments, one with a required argument, one that throws.</summary>
[McpServerPromptType]
public sealed class FixturePrompts
{
    [McpServerPrompt(Name = "plain"), Description("A prompt without arguments.")]
    public static string Plain() => "plain prompt";

    [McpServerPrompt(Name = "greet"), Description("Greets someone.")]
    public static string Greet([Description("Who to greet.")] string name) => $"Hello, {name}!";

    [McpServerPrompt(Name = "broken"), Description("Throws.")]
    public static string Broken() => throw new InvalidOperationException("secret prompt detail");
}
