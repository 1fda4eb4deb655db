using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace TaskActors.Gateway.Tests.Docs;

/// <summary>
/// The tool-server examples compile as shown: every <c>csharp</c> block of these documents, with its own <c>using</c>
/// lines, is one file of a console project with the SDK's implicit usings, compiled with Roslyn against TaskActors'
/// assemblies and their packages. (The other documents quote their C# from the sources, which EndToEnd's DocsTests checks.)
/// </summary>
public sealed partial class DocSnippetCompilationTests
{
    /// <summary>What <c>ImplicitUsings</c> gives a project on Microsoft.NET.Sdk.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    public static TheoryData<string> Documents() => ["README.md", "docs/writing-a-tool-server.md"];

    [Theory]
    [MemberData(nameof(Documents))]
    public void CSharpSnippets_CompileAsShown(string document)
    {
        var blocks = CSharpBlock().Matches(File.ReadAllText(Path.Combine(Root, document))).Select(m => m.Groups["code"].Value).ToList();
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = blocks.Select((code, i) => CSharpSyntaxTree.ParseText(code, options, path: $"{document}#{i + 1}", cancellationToken: TestContext.Current.CancellationToken))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, options, path: "ImplicitUsings.cs", cancellationToken: TestContext.Current.CancellationToken))
            .ToList();
        var program = trees.Any(t => t.GetRoot(TestContext.Current.CancellationToken).DescendantNodes().OfType<GlobalStatementSyntax>().Any());
        var compilation = CSharpCompilation.Create(
            "DocSnippets",
            trees,
            References(),
            new CSharpCompilationOptions(program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();

        Assert.NotEmpty(blocks);
        Assert.True(errors.Count == 0, $"{document}'s C# snippets do not compile:\n{string.Join('\n', errors)}");
    }

    [Fact]
    public void TheCompiler_RefusesASnippetThatDoesNotCompile()
    {
        var tree = CSharpSyntaxTree.ParseText("using TaskActors.Servers.Definition; public sealed class C { public NoSuchType Field; }", path: "bad.cs", cancellationToken: TestContext.Current.CancellationToken);

        var errors = CSharpCompilation.Create("Bad", [tree], References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error);

        Assert.Contains(errors, e => e.Id == "CS0246");
    }

    private static string Root { get; } = FindRoot();

    /// <summary>The framework's assemblies and everything beside the tests (TaskActors' projects and their packages).</summary>
    private static List<MetadataReference> References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var local = Directory.GetFiles(AppContext.BaseDirectory, "*.dll");
        return [.. platform.Concat(local)
            .Where(path => !Path.GetFileName(path).StartsWith("TaskActors.Gateway.Tests", StringComparison.Ordinal))
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Where(IsManaged)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    }

    private static bool IsManaged(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TaskActors.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No TaskActors.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex("```csharp\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
