using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TaskActors.Gateway.Http;

/// <summary>
/// The gateway's part of a graceful stop. It runs before any hosted service stops (Kestrel, the Orleans client or
/// silo): it flips the gateway into draining, which makes the endpoint refuse new requests with 503 and
/// <c>Retry-After</c> and trips <see cref="Token"/>, on which every open SSE stream ends with a final event (an id and a
/// <c>retry</c>) so that its client resumes it elsewhere; then it waits <see cref="GatewayDrainOptions.Delay"/> before
/// letting the host close the listener. Requests already in flight finish; Kestrel waits for them.
/// </summary>
internal sealed partial class GatewayDrain(IOptions<GatewayDrainOptions> options, TimeProvider timeProvider, ILogger<GatewayDrain> logger)
    : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource _draining = new();

    /// <summary>Whether the gateway is stopping: new requests are refused.</summary>
    public bool IsDraining => _draining.IsCancellationRequested;

    /// <summary>Fires when the gateway starts draining; open streams end on it.</summary>
    public CancellationToken Token => _draining.Token;

    /// <summary>Starts draining (also for a stop that the host begins itself), then holds the stop for the drain delay.</summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        LogDraining(logger, options.Value.Delay.TotalMilliseconds);
        await _draining.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.Delay(options.Value.Delay, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's shutdown timeout ended the delay: stop now.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _draining.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Draining: new requests get 503, open streams end with a final event; the listener closes in {DelayMs} ms")]
    private static partial void LogDraining(ILogger logger, double delayMs);
}
