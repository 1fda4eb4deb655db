using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using TaskActors.ServiceDefaults.Logging;

namespace TaskActors.Gateway.Tests.Logging;

/// <summary>
/// Writes every log entry through the console formatter that <c>AddServiceDefaults()</c> selects, into memory: the
/// text a TaskActors process prints, without touching the process's console.
/// </summary>
public sealed class FormattedLogProvider : ILoggerProvider
{
    private readonly IHost _defaults;
    private readonly ConsoleFormatter _formatter;
    private readonly StringBuilder _text = new();

    public FormattedLogProvider()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddServiceDefaults();
        _defaults = builder.Build();
        var name = _defaults.Services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName;
        _formatter = _defaults.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == name);
    }

    /// <summary>The formatter's type: the one every process's console uses.</summary>
    public Type FormatterType => _formatter.GetType();

    /// <summary>Everything written so far.</summary>
    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>Marks the process started: exceptions are written in full from now on.</summary>
    public void Started() => _defaults.Services.GetRequiredService<StartupPhase>().Complete();

    public ILogger CreateLogger(string categoryName) => new FormattingLogger(this, categoryName);

    public void Dispose() => _defaults.Dispose();

    private sealed class FormattingLogger(FormattedLogProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            using var writer = new StringWriter();
            provider._formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), null, writer);
            lock (provider._text)
            {
                provider._text.Append(writer);
            }
        }
    }
}
