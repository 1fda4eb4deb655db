using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace TaskActors.ServiceDefaults.Startup;

/// <summary>A setting whose value the configuration binder could not convert to its property's type (a port of "abc", an unknown enum name).</summary>
/// <param name="Path">The setting's configuration path, such as <c>TaskActors:Auth:Mode</c>.</param>
/// <param name="Problem">The line that reports it: the path, then why.</param>
internal sealed partial record UnconvertibleSetting(string Path, string Problem)
{
    /// <summary>Finds the binder's conversion failure in <paramref name="exception"/> or what it wraps.</summary>
    public static bool TryFind(Exception exception, [NotNullWhen(true)] out UnconvertibleSetting? setting)
    {
        // The binder says which key failed only in its message: "Failed to convert configuration value '…' at 'path' to type '…'."
        foreach (var candidate in ExceptionChain.Of(exception).OfType<InvalidOperationException>())
        {
            if (BinderFailure().Match(candidate.Message) is { Success: true } match)
            {
                var path = match.Groups["path"].Value;
                setting = new UnconvertibleSetting(path, $"{path}: '{match.Groups["value"].Value}' is not {Expected(match.Groups["type"].Value)}.");
                return true;
            }
        }

        setting = null;
        return false;
    }

    // "a valid AuthMode (Anonymous, Jwt)" for an enum the process has loaded, else "a valid Int32".
    private static string Expected(string typeName)
    {
        var type = AppDomain.CurrentDomain.GetAssemblies().Select(assembly => assembly.GetType(typeName)).FirstOrDefault(t => t is not null);
        var name = type?.Name ?? typeName[(typeName.LastIndexOf('.') + 1)..];
        return type is { IsEnum: true } ? $"a valid {name} ({string.Join(", ", Enum.GetNames(type))})" : $"a valid {name}";
    }

    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<path>[^']+)' to type '(?<type>[^']+)'\.$", RegexOptions.Singleline)]
    private static partial Regex BinderFailure();
}
