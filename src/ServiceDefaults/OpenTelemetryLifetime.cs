using OpenTelemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>Creates the OpenTelemetry SDK with the host and flushes it when the host stops.</summary>
internal sealed class OpenTelemetryLifetime(OpenTelemetrySdk sdk) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        sdk.Dispose();
        return Task.CompletedTask;
    }
}
