using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TaskActors.Grains.Abstractions.Tasks;
using TaskActors.Grains.Configuration;
using TaskActors.Storage.Records;

namespace TaskActors.Grains.Tasks;

/// <summary>
/// One requestor's tasks: admission against the concurrency, creation-rate and kept-task quotas (tasks and bytes kept
/// until their ttl ends), and tasks/list over the task storage's index (written with each task's own state, so listing
/// costs no extra write). Its counts live in memory and are rebuilt from storage when it activates.
/// </summary>
[GrainType("task-scope")]
public sealed class TaskScopeGrain(
    [FromKeyedServices(StorageNames.Tasks)] IStateRecordStore storage,
    IOptions<TaskEngineOptions> options,
    TimeProvider timeProvider) : Grain, ITaskScopeGrain
{
    private string Key => this.GetPrimaryKeyString();

    private const string StateName = "task";
    private const int RebuildPage = 500;
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);
    private readonly KeptTasks _kept = new();
    private readonly TaskEngineOptions _options = options.Value;
    private double _tokens;
    private DateTimeOffset _refilledAt;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _tokens = Burst;
        _refilledAt = timeProvider.GetUtcNow();
        var rebuildLimit = Math.Max(10_000, _options.MaxKeptTasksPerRequestor);
        string? before = null;
        for (var read = 0; read < rebuildLimit;)
        {
            var page = await storage.QueryIndexAsync(StateName, Key, before, RebuildPage, cancellationToken);
            foreach (var entry in page)
            {
                var record = JsonSerializer.Deserialize(entry.Record.Data.Span, GrainsJsonContext.Default.TaskGrainState);
                if (record?.Context is { } context)
                {
                    _kept.Keep(context.TaskId, TaskFootprint.Bytes(context, record.Outcome), record.Ttl is { } ttl ? record.CreatedAt + ttl : DateTimeOffset.MaxValue);
                    if (!record.Status.IsTerminal())
                    {
                        _running.Add(context.TaskId);
                    }
                }
            }

            read += page.Count;
            if (page.Count < RebuildPage)
            {
                break;
            }

            before = page[^1].Record.Index!.Value.SortKey;
        }
    }

    /// <inheritdoc />
    public Task<TaskAdmission> AdmitAsync(TaskAdmissionRequest request, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        _kept.Prune(now, taskId => _running.Remove(taskId));
        if (_kept.Contains(request.TaskId))
        {
            // The same creation asked again (its first answer was lost): it was admitted then.
            return Task.FromResult(TaskAdmission.Yes);
        }

        Refill(now);
        if (Refusal(request) is { } refusal)
        {
            return Task.FromResult(refusal);
        }

        _tokens -= 1;
        _running.Add(request.TaskId);
        _kept.Keep(request.TaskId, request.StoredBytes, request.ExpiresAt);
        return Task.FromResult(TaskAdmission.Yes);
    }

    /// <inheritdoc />
    public Task FinishAsync(string taskId, long storedBytes, CancellationToken cancellationToken = default)
    {
        _running.Remove(taskId);
        _kept.Resize(taskId, storedBytes);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ReleaseAsync(string taskId, CancellationToken cancellationToken = default)
    {
        _running.Remove(taskId);
        _kept.Forget(taskId);
        return Task.CompletedTask;
    }

    /// <summary>Which quota the new task would break, if any (checked before anything is counted).</summary>
    private TaskAdmission? Refusal(TaskAdmissionRequest request)
    {
        if (_running.Count >= _options.MaxConcurrentTasksPerRequestor)
        {
            return new TaskAdmission(false, $"Too many tasks: at most {_options.MaxConcurrentTasksPerRequestor} may be working or waiting for input at once; wait for one to finish or cancel one.", TaskErrorCodes.TooManyTasks);
        }

        if (_kept.Count >= _options.MaxKeptTasksPerRequestor)
        {
            return new TaskAdmission(false, $"Too many kept tasks: at most {_options.MaxKeptTasksPerRequestor} tasks are kept at once, until their ttl ends; use a shorter ttl, or wait for older tasks to expire.", TaskErrorCodes.QuotaExceeded);
        }

        if (_kept.Bytes + request.StoredBytes > _options.MaxStoredBytesPerRequestor)
        {
            return new TaskAdmission(false, $"Task storage quota exceeded: kept tasks may hold at most {_options.MaxStoredBytesPerRequestor} bytes of arguments and results at once, {_kept.Bytes} are held and these arguments are {request.StoredBytes}; use a shorter ttl, or wait for older tasks to expire.", TaskErrorCodes.QuotaExceeded);
        }

        if (_tokens < 1)
        {
            var retryAfterMs = (long)Math.Ceiling((1 - _tokens) / _options.MaxTaskCreationsPerSecond * 1000);
            return new TaskAdmission(false, $"Too many task creations: at most {_options.MaxTaskCreationsPerSecond:0.##} per second; retry in {retryAfterMs} ms.", TaskErrorCodes.RateLimited, retryAfterMs);
        }

        return null;
    }

    /// <inheritdoc />
    public async Task<TaskListPage> ListAsync(string? cursor, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var before = cursor is null ? null : DecodeCursor(cursor);
        var page = await storage.QueryIndexAsync(StateName, Key, before, pageSize + 1, cancellationToken);
        var views = new List<TaskView>();
        foreach (var entry in page.Take(pageSize))
        {
            if (JsonSerializer.Deserialize(entry.Record.Data.Span, GrainsJsonContext.Default.TaskGrainState) is { Context: { } context } record)
            {
                views.Add(new TaskView
                {
                    TaskId = context.TaskId,
                    Status = record.Status,
                    StatusMessage = record.StatusMessage,
                    CreatedAt = record.CreatedAt,
                    LastUpdatedAt = record.LastUpdatedAt,
                    Ttl = record.Ttl,
                    PollInterval = record.PollInterval,
                });
            }
        }

        var next = page.Count > pageSize ? EncodeCursor(page[pageSize - 1].Record.Index!.Value.SortKey) : null;
        return new TaskListPage(views, next);
    }

    private double Burst => _options.MaxTaskCreationsPerSecond * 2;

    private void Refill(DateTimeOffset now)
    {
        _tokens = Math.Min(Burst, _tokens + ((now - _refilledAt).TotalSeconds * _options.MaxTaskCreationsPerSecond));
        _refilledAt = now;
    }

    private static string EncodeCursor(string sortKey) => "c1." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(sortKey));

    private static string DecodeCursor(string cursor)
    {
        try
        {
            if (cursor.StartsWith("c1.", StringComparison.Ordinal))
            {
                var sortKey = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor.AsSpan(3)));
                if (sortKey.Length > 20 && sortKey[19] == '.' && sortKey[..19].All(char.IsAsciiDigit))
                {
                    return sortKey;
                }
            }
        }
        catch (FormatException)
        {
            // Reported below.
        }

        throw new ArgumentException("Invalid cursor: it is not one this server issued.", nameof(cursor));
    }
}
