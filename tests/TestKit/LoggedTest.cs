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

        // A test that hangs (an await nothing completes) fails with its name after this long, instead of stalling the run.
        var context = TestContext.Current;
        _ = Task.Delay(TestTimeouts.WholeTest, context.CancellationToken).ContinueWith(
            wait =>
            {
                if (wait.IsCompletedSuccessfully && context.TestState is null)
                {
                    context.TestOutputHelper?.WriteLine($"The test ran longer than {TestTimeouts.WholeTest}; cancelling it.");
                    context.CancelCurrentTest();
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    protected ITestOutputHelper Output { get; }

    protected ILoggerProvider LoggerProvider { get; }

    /// <summary>Cancelled when the test run is aborted, or when the test has run for <see cref="TestTimeouts.WholeTest"/>.</summary>
    protected static CancellationToken TestCancellation => TestContext.Current.CancellationToken;

    protected void ConfigureLogging(ILoggingBuilder logging) => logging.AddProvider(LoggerProvider);
}
