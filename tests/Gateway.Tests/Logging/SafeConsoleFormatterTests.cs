using Microsoft.Extensions.Logging;
using TaskActors.ServiceDefaults.Logging;
using Xunit;

namespace TaskActors.Gateway.Tests.Logging;

public sealed class SafeConsoleFormatterTests : IDisposable
{
    private static readonly Action<ILogger, string, string, Exception?> UnknownTask =
        LoggerMessage.Define<string, string>(LogLevel.Warning, new EventId(7, "UnknownTask"), "Audit: tasks/get for unknown task {TaskId} by scope {Scope}");

    private static readonly Action<ILogger, string, int, IEnumerable<string>, string?, Exception?> Mixed =
        LoggerMessage.Define<string, int, IEnumerable<string>, string?>(LogLevel.Information, 3, "Audit: task {TaskId} {{kept}} took {Count:D3} ms for {Tools} by {Nobody}");

    private static readonly Action<ILogger, string, Exception?> Failed =
        LoggerMessage.Define<string>(LogLevel.Error, 0, "{Phase} failed");

    private readonly FormattedLogProvider _log = new();

    [Fact]
    public void ServiceDefaults_SelectTheSafeFormatter()
    {
        Assert.Equal(typeof(SafeConsoleFormatter), _log.FormatterType);
    }

    [Fact]
    public void Write_EscapesControlCharacters_InLoggedValues()
    {
        UnknownTask(_log.CreateLogger("TaskActors.Audit"), "t\u0000\r\n\u001b[31mred\t\u0085\u2028", "alice\nfail: forged", null);

        var line = Assert.Single(_log.Text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.EndsWith(@"warn: TaskActors.Audit[7] Audit: tasks/get for unknown task t\u0000\r\n\e[31mred\t\u0085\u2028 by scope alice\nfail: forged", line, StringComparison.Ordinal);
        Assert.DoesNotContain(line, char.IsControl);
    }

    [Fact]
    public void Write_BoundsLongValues_AndSaysHowMuchWasCut()
    {
        UnknownTask(_log.CreateLogger("TaskActors.Audit"), new string('x', 2000), "alice", null);

        var line = _log.Text.TrimEnd();
        Assert.Contains(" task " + new string('x', 512) + "…(+1488 chars) by scope alice", line, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 513), line, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_KeepsOrdinaryMessages_AsTheSimpleFormatWritesThem()
    {
        Mixed(_log.CreateLogger("TaskActors.Audit"), "0f3a", 7, ["echo", "wait"], null, null);

        Assert.Matches(@"^\d\d:\d\d:\d\d info: TaskActors\.Audit\[3\] Audit: task 0f3a \{kept\} took 007 ms for echo, wait by \(null\)\r?\n$", _log.Text);
    }

    [Fact]
    public void Write_EscapesExceptions_ToTheirMessageWhileStarting_AndInFullOnceStarted()
    {
        var logger = _log.CreateLogger("Startup");
        var exception = Thrown("bad\r\nvalue \u001b[2J");
        Failed(logger, "Start", exception);
        _log.Started();
        Failed(logger, "Run", exception);

        var lines = _log.Text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.EndsWith(@"fail: Startup[0] Start failed System.InvalidOperationException: bad\r\nvalue \e[2J", lines[0], StringComparison.Ordinal);
        Assert.Contains(@"Run failed System.InvalidOperationException: bad\r\nvalue \e[2J\n   at ", lines[1], StringComparison.Ordinal);
        Assert.All(lines, line => Assert.DoesNotContain(line, char.IsControl));
    }

    public void Dispose() => _log.Dispose();

    private static InvalidOperationException Thrown(string message)
    {
        try
        {
            throw new InvalidOperationException(message);
        }
        catch (InvalidOperationException ex)
        {
            return ex;
        }
    }
}
