using TaskActors.Gateway.Tests.Infrastructure;
using TaskActors.Gateway.Tests.Tasks;
using Xunit;

namespace TaskActors.Gateway.Tests.Logging;

/// <summary>What a client sends reaches the process's log escaped: the gateway co-hosted in a silo, logging through the formatter every process uses.</summary>
public sealed class LogSafetyTests : GatewayTest
{
    [Fact]
    public async Task TasksGet_LogsAHostileTaskIdEscaped_WithNoRawControlCharacters()
    {
        using var log = new FormattedLogProvider();
        await using var host = await GatewayTestHost.StartCoHostedAsync(LoggerProvider, collector: log);
        var client = await ConnectAsync(host);

        await client.TaskRequestAsync("tasks/get", "forged\u0000\r\n\u001b[31mred", TestCancellation);

        var text = log.Text;
        Assert.Contains(@"tasks/get for unknown task forged\u0000\r\n\e[31mred by scope ", text, StringComparison.Ordinal);
        Assert.DoesNotContain(text.Replace(Environment.NewLine, string.Empty, StringComparison.Ordinal), char.IsControl);
    }
}
