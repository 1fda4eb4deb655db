namespace TaskActors.Servers.Definition;

/// <summary>The naming rules of servers and mounts.</summary>
internal static class McpServerNames
{
    /// <summary>The separator between a mount prefix and a tool or prompt name (FastMCP's convention).</summary>
    public const char MountSeparator = '_';

    /// <summary>Server names and mount prefixes: 1-64 of a-z, A-Z, 0-9 and '-'.</summary>
    public static void Validate(string name, string what)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException($"The {what} '{name}' must be 1-64 ASCII letters, digits or '-'.", nameof(name));
        }
    }

    public static string Expose(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}{MountSeparator}{name}";

    public static string ChildPath(string parentPath, string prefix) => $"{parentPath}/{prefix}";
}
