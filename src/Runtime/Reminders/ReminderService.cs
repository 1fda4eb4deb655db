using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskActors.Runtime.Abstractions.Core;
using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Abstractions.Reminders;
using TaskActors.Runtime.Configuration;
using TaskActors.Runtime.Identity;
using TaskActors.Runtime.Lifecycle;
using TaskActors.Runtime.Membership;

namespace TaskActors.Runtime.Reminders;

/// <summary>
/// Fires the durable reminders of the grains this silo owns on the reminder ring. The table is the truth: the owner
/// re-reads its range every <c>Reminders:RefreshPeriod</c> and whenever membership changes, so the reminders of a
/// dead silo move to its successor. A tick is a grain call to <see cref="IRemindable"/>, which activates the grain
/// wherever it is placed.
/// </summary>
internal sealed partial class ReminderService(
    IReminderTable table,
    IGrainFactory grainFactory,
    MembershipView membership,
    LocalEndpoint endpoint,
    IOptions<ReminderOptions> options,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<ReminderService> logger) : PeriodicBackgroundService(timeProvider, lifetime, logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(GrainId Grain, string Name), LocalReminder> _local = [];
    private (uint Begin, uint End)? _range;
    private long _generation;
    private bool _stopped;
    private IDisposable? _subscription;

    public async Task<IGrainReminder> RegisterOrUpdateAsync(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reminderName);
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        if (period < options.Value.MinimumPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, $"Reminder '{reminderName}' of grain {grainId} has period {period}; the minimum is Reminders:MinimumPeriod = {options.Value.MinimumPeriod}.");
        }

        var entry = new ReminderEntry { GrainId = grainId, ReminderName = reminderName, StartAt = TimeProvider.GetUtcNow() + dueTime, Period = period };
        var etag = await table.UpsertRowAsync(entry, cancellationToken).ConfigureAwait(false);
        entry = entry with { ETag = etag };
        lock (_lock)
        {
            if (_range is { } range && ReminderRing.Contains(range, grainId))
            {
                StartLocked(entry);
            }
        }

        return new GrainReminder(entry);
    }

    public async Task UnregisterAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var row = await table.ReadRowAsync(grainId, reminderName, cancellationToken).ConfigureAwait(false);
            if (row is null || await table.RemoveRowAsync(grainId, reminderName, row.ETag!, cancellationToken).ConfigureAwait(false))
            {
                break;
            }
        }

        lock (_lock)
        {
            if (_local.Remove((grainId, reminderName), out var local))
            {
                local.Dispose();
            }
        }
    }

    public async Task<IGrainReminder?> GetAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var row = await table.ReadRowAsync(grainId, reminderName, cancellationToken).ConfigureAwait(false);
        return row is null ? null : new GrainReminder(row);
    }

    /// <summary>Re-reads the reminders of the range this silo owns and starts, restarts or stops local timers to match.</summary>
    /// <remarks>
    /// The range is published before the table is read, and reminders started by a registration after the read began
    /// are kept: a registration racing with a refresh is therefore started by one or the other, never lost.
    /// </remarks>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var range = ReminderRing.RangeOf(endpoint.SiloAddress!, membership.Current.ActiveSilos);
        long readStartedAt;
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            _range = range;
            readStartedAt = ++_generation;
        }

        var rows = range is { } r ? await table.ReadRowsAsync(r.Begin, r.End, cancellationToken).ConfigureAwait(false) : [];
        lock (_lock)
        {
            if (_stopped || _range != range)
            {
                return;
            }

            var current = rows.ToDictionary(e => (e.GrainId, e.ReminderName));
            foreach (var (key, local) in _local.ToList())
            {
                var gone = !current.TryGetValue(key, out var row) && local.Generation < readStartedAt;
                if (gone || (row is not null && row.ETag != local.Entry.ETag && local.Generation < readStartedAt))
                {
                    local.Dispose();
                    _local.Remove(key);
                }
            }

            foreach (var row in rows)
            {
                if (!_local.ContainsKey((row.GrainId, row.ReminderName)))
                {
                    StartLocked(row);
                }
            }
        }
    }

    public int LocalReminderCount
    {
        get
        {
            lock (_lock)
            {
                return _local.Count;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _stopped = true;
            _range = null;
            foreach (var local in _local.Values)
            {
                local.Dispose();
            }

            _local.Clear();
        }

        await base.StopAsync(cancellationToken);
    }

    protected override TimeSpan Period => options.Value.RefreshPeriod;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribed before the silo becomes active, so the refresh that gives this silo its range is never missed.
        _subscription = membership.Subscribe(changed => _ = RefreshSafelyAsync(CancellationToken.None));
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _subscription?.Dispose();
        base.Dispose();
    }

    protected override Task OnStartedAsync(CancellationToken stoppingToken) => RefreshSafelyAsync(stoppingToken);

    protected override Task TickAsync(CancellationToken stoppingToken) => RefreshAsync(stoppingToken);

    private async Task RefreshSafelyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RefreshAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRefreshFailed(logger, ex);
        }
    }

    private void StartLocked(ReminderEntry entry)
    {
        if (_local.Remove((entry.GrainId, entry.ReminderName), out var existing))
        {
            existing.Dispose();
        }

        _local[(entry.GrainId, entry.ReminderName)] = new LocalReminder(entry, this, ++_generation);
    }

    private async Task FireAsync(LocalReminder reminder, DateTimeOffset dueAt)
    {
        var entry = reminder.Entry;
        try
        {
            var status = new TickStatus(entry.StartAt, entry.Period, dueAt);
            await grainFactory.GetGrain<IRemindable>(entry.GrainId).ReceiveReminderAsync(entry.ReminderName, status);
        }
        catch (Exception ex)
        {
            // The next tick comes one period later; a reminder is at-least-once per period, not exactly-once.
            LogTickFailed(logger, entry.ReminderName, entry.GrainId, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {ReminderName} of grain {GrainId} failed to tick")]
    private static partial void LogTickFailed(ILogger logger, string reminderName, GrainId grainId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the reminder table failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);

    /// <summary>The in-memory timer of one owned reminder; ticks fall on <c>StartAt + k * Period</c>.</summary>
    private sealed class LocalReminder : IDisposable
    {
        private readonly ReminderService _service;
        private readonly ITimer _timer;
        private readonly Lock _lock = new();
        private DateTimeOffset _nextDue;
        private int _firing;

        public LocalReminder(ReminderEntry entry, ReminderService service, long generation)
        {
            Entry = entry;
            Generation = generation;
            _service = service;
            var now = service.TimeProvider.GetUtcNow();
            _nextDue = now <= entry.StartAt ? entry.StartAt : BoundaryAfter(now - TimeSpan.FromTicks(1));
            _timer = service.TimeProvider.CreateTimer(static s => ((LocalReminder)s!).OnDue(), this, _nextDue - now, Timeout.InfiniteTimeSpan);
        }

        public ReminderEntry Entry { get; }

        /// <summary>When it was started, in the service's refresh generations.</summary>
        public long Generation { get; }

        public void Dispose() => _timer.Dispose();

        /// <summary>The first tick time strictly after <paramref name="time"/>.</summary>
        private DateTimeOffset BoundaryAfter(DateTimeOffset time)
        {
            if (time < Entry.StartAt)
            {
                return Entry.StartAt;
            }

            var periods = ((time - Entry.StartAt).Ticks / Entry.Period.Ticks) + 1;
            return Entry.StartAt + TimeSpan.FromTicks(periods * Entry.Period.Ticks);
        }

        private void OnDue()
        {
            DateTimeOffset dueAt;
            TimeSpan delay;
            lock (_lock)
            {
                dueAt = _nextDue;
                var now = _service.TimeProvider.GetUtcNow();
                _nextDue = BoundaryAfter(now > dueAt ? now : dueAt);
                delay = _nextDue - now;
            }

            if (Interlocked.Exchange(ref _firing, 1) == 0)
            {
                _ = FireThenReleaseAsync(dueAt);
            }

            try
            {
                _timer.Change(delay, Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // Stopped meanwhile.
            }
        }

        private async Task FireThenReleaseAsync(DateTimeOffset dueAt)
        {
            try
            {
                await _service.FireAsync(this, dueAt);
            }
            finally
            {
                Volatile.Write(ref _firing, 0);
            }
        }
    }
}
