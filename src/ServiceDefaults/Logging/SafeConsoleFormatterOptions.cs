using Microsoft.Extensions.Logging.Console;

namespace TaskActors.ServiceDefaults.Logging;

/// <summary>
/// Settings of <see cref="SafeConsoleFormatter"/>, bound from <c>Logging:Console:FormatterOptions</c> like the built-in
/// formatters' (timestamp format, UTC timestamps).
/// </summary>
public sealed class SafeConsoleFormatterOptions : ConsoleFormatterOptions
{
    /// <summary>How many characters of one logged value are kept; the rest is cut with a marker. Default 512.</summary>
    public int MaxValueLength { get; set; } = 512;

    /// <summary>How many characters of a whole message, and of an exception's text, are kept. Default 16384.</summary>
    public int MaxMessageLength { get; set; } = 16 * 1024;
}
