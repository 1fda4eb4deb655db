using Microsoft.Extensions.Logging;
using Xunit;

namespace TaskActors.TestKit;

/// <summary>Base class of tests whose hosts log to the test output.</summary>
public abstract class LoggedTest
{
    protected LoggedTest()
    {
        Output = TestContext.Current.TestOutputHelper ?? throw new InvalidOperationException("No test output is available outside a test.");
        LoggerProvider = new XunitLoggerProvider(Output);
    }

    protected ITestOutputHelper Output { get; }

    protected ILoggerProvider LoggerProvider { get; }

    /// <summary>Cancelled when the test run is aborted.</summary>
    protected static CancellationToken TestCancellation => TestContext.Current.CancellationToken;

    protected void ConfigureLogging(ILoggingBuilder logging) => logging.AddProvider(LoggerProvider);
}
