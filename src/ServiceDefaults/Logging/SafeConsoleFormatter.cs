using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace TaskActors.ServiceDefaults.Logging;

/// <summary>
/// The console format of every TaskActors process: the simple single-line format (<c>HH:mm:ss info: Category[0]
/// message</c>), with each logged value escaped and bounded (<see cref="LogText"/>), so task ids, tool names, session
/// ids or headers sent by a client can neither break a line, forge another nor drive the terminal. The whole message
/// and the exception text are escaped too: a line is always one line.
/// </summary>
internal sealed class SafeConsoleFormatter(IOptionsMonitor<SafeConsoleFormatterOptions> options, StartupPhase phase) : ConsoleFormatter(FormatterName)
{
    /// <summary>The name the console logger selects this formatter by.</summary>
    public const string FormatterName = "taskactors";

    /// <inheritdoc />
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var settings = options.CurrentValue;
        var line = new StringBuilder(128);
        if (settings.TimestampFormat is { } timestampFormat)
        {
            var now = settings.UseUtcTimestamp ? DateTimeOffset.UtcNow : DateTimeOffset.Now;
            line.Append(now.ToString(timestampFormat, System.Globalization.CultureInfo.InvariantCulture));
        }

        line.Append(LevelName(logEntry.LogLevel)).Append(": ").Append(logEntry.Category)
            .Append('[').Append(logEntry.EventId.Id).Append("] ");
        var message = new StringBuilder();
        if (!LogMessage.TryAppend(message, logEntry.State, settings.MaxValueLength))
        {
            message.Append(logEntry.Formatter(logEntry.State, logEntry.Exception));
        }

        LogText.Append(line, message.ToString(), settings.MaxMessageLength);
        if (logEntry.Exception is { } exception)
        {
            var text = phase.IsStarting ? $"{exception.GetType().FullName}: {exception.Message}" : exception.ToString();
            LogText.Append(line.Append(' '), text, settings.MaxMessageLength);
        }

        textWriter.Write(line.AppendLine());
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => level.ToString(),
    };
}
