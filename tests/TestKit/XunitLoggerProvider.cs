using Microsoft.Extensions.Logging;
using Xunit;

namespace TaskActors.TestKit;

/// <summary>Routes logs of every host in a test to that test's output.</summary>
public sealed class XunitLoggerProvider(ITestOutputHelper output, string? prefix = null) : ILoggerProvider
{
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;

    public ILogger CreateLogger(string categoryName) => new XunitLogger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(string line)
    {
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has finished; late log lines from shutting-down hosts have nowhere to go.
        }
    }

    private sealed class XunitLogger(XunitLoggerProvider provider, string category) : ILogger
    {
        private readonly string _shortCategory = category[(category.LastIndexOf('.') + 1)..];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var elapsed = DateTimeOffset.UtcNow - provider._start;
            var line = $"[{elapsed.TotalSeconds,8:0.000}] {provider.Prefix}{logLevel.ToString()[..4]} {_shortCategory}: {formatter(state, exception)}";
            if (exception is not null)
            {
                line += Environment.NewLine + exception;
            }

            provider.Write(line);
        }
    }

    private string Prefix => prefix is null ? string.Empty : prefix + " ";
}
