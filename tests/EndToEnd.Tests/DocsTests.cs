using System.Text.RegularExpressions;
using Xunit;

namespace TaskActors.EndToEnd.Tests;

/// <summary>
/// The docs say what exists: every C# snippet is quoted from compiled sources (but those of the tool-server examples,
/// which Gateway.Tests' DocSnippetCompilationTests compiles as shown), every relative link and every project or script a
/// command names is there.
/// </summary>
public sealed partial class DocsTests
{
    private static readonly string[] Readmes = ["README.md", "tests/README.md", "deploy/README.md", "tests/e2e/README.md"];

    /// <summary>Documents whose C# snippets are whole example files, compiled as shown rather than quoted.</summary>
    private static readonly string[] CompiledExamples = ["README.md", "docs/writing-a-tool-server.md"];

    public static TheoryData<string> Documents() =>
    [
        .. Readmes
            .Concat(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md").Select(path => Path.GetRelativePath(RepositoryPaths.Root, path)))
            .Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(Documents))]
    public void CSharpSnippets_AreQuotedFromTheSources(string document)
    {
        var sources = SourceFiles().Select(path => Lines(File.ReadAllText(path))).ToList();

        IEnumerable<string> blocks = CompiledExamples.Contains(document) ? [] : Blocks(document, "csharp");
        var missing = blocks.Where(block => !sources.Any(source => Contains(source, Lines(block)))).ToList();

        Assert.True(missing.Count == 0, $"{document} has C# snippets found in no file under src/:\n{string.Join("\n---\n", missing)}");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void RelativeLinks_PointAtFilesThatExist(string document)
    {
        var directory = Path.GetDirectoryName(Path.Combine(RepositoryPaths.Root, document))!;

        var broken = LinkPattern().Matches(Read(document))
            .Select(match => match.Groups["target"].Value.Split('#')[0])
            .Where(target => target.Length > 0 && !target.Contains("://", StringComparison.Ordinal))
            .Where(target => !File.Exists(Path.Combine(directory, target)) && !Directory.Exists(Path.Combine(directory, target)))
            .ToList();

        Assert.True(broken.Count == 0, $"{document} links to missing files: {string.Join(", ", broken)}");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Commands_NameProjectsAndScriptsThatExist(string document)
    {
        var commands = string.Join('\n', Blocks(document, "bash").Concat(Blocks(document, "sh")));

        var missing = ProjectPattern().Matches(commands).Select(match => match.Groups["path"].Value)
            .Concat(ScriptPattern().Matches(commands).Select(match => match.Groups["path"].Value))
            .Where(path => !File.Exists(Path.Combine(RepositoryPaths.Root, path)) && !Directory.Exists(Path.Combine(RepositoryPaths.Root, path)))
            .ToList();

        Assert.True(missing.Count == 0, $"{document} runs commands on paths that do not exist: {string.Join(", ", missing)}");
    }

    private static string Read(string document) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, document));

    private static IEnumerable<string> Blocks(string document, string language) =>
        Regex.Matches(Read(document), $"```{language}\\n(?<code>.*?)```", RegexOptions.Singleline).Select(match => match.Groups["code"].Value);

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static List<string> Lines(string text) =>
        [.. text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)];

    private static bool Contains(List<string> source, List<string> snippet)
    {
        for (var start = 0; start + snippet.Count <= source.Count; start++)
        {
            if (source.Skip(start).Take(snippet.Count).SequenceEqual(snippet, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"--project (?<path>[\w./-]+)")]
    private static partial Regex ProjectPattern();

    [GeneratedRegex(@"(?<![\w/])(?<path>(scripts|tests/e2e)/[\w./-]+\.(sh|mjs))")]
    private static partial Regex ScriptPattern();
}
