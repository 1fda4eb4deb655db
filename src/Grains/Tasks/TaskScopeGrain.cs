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
/// One requestor's tasks: admission against the concurrency and creation-rate limits, and tasks/list over the task
/// storage's index (written with each task's own state, so listing costs no extra write). Its counts live in memory
/// and are rebuilt from storage when it activates.
/// </summary>
[GrainType("task-scope")]
public sealed class TaskScopeGrain(
    [FromKeyedServices(StorageNames.Tasks)] IStateRecordStore storage,
    IOptions<TaskEngineOptions> options,
    TimeProvider timeProvider) : Grain, ITaskScopeGrain
{
    private string Key => this.GetPrimaryKeyString();

    private const string StateName = "task";
    private const int RebuildLimit = 10_000;
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);
    private readonly TaskEngineOptions _options = options.Value;
    private double _tokens;
    private DateTimeOffset _refilledAt;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _tokens = Burst;
        _refilledAt = timeProvider.GetUtcNow();
        string? before = null;
        for (var read = 0; read < RebuildLimit;)
        {
            var page = await storage.QueryIndexAsync(StateName, Key, before, 500, cancellationToken);
            foreach (var entry in page)
            {
                var record = JsonSerializer.Deserialize(entry.Record.Data.Span, GrainsJsonContext.Default.TaskGrainState);
                if (record?.Context is { } context && !record.Status.IsTerminal())
                {
                    _running.Add(context.TaskId);
                }
            }

            read += page.Count;
            if (page.Count < 500)
            {
                break;
            }

            before = page[^1].Record.Index!.Value.SortKey;
        }
    }

    /// <inheritdoc />
    public Task<TaskAdmission> AdmitAsync(string taskId, CancellationToken cancellationToken = default)
    {
        Refill();
        if (_running.Count >= _options.MaxConcurrentTasksPerRequestor)
        {
            return Task.FromResult(new TaskAdmission(false, $"Too many tasks: at most {_options.MaxConcurrentTasksPerRequestor} may be working or waiting for input at once; wait for one to finish or cancel one.", TaskErrorCodes.TooManyTasks));
        }

        if (_tokens < 1)
        {
            var retryAfterMs = (long)Math.Ceiling((1 - _tokens) / _options.MaxTaskCreationsPerSecond * 1000);
            return Task.FromResult(new TaskAdmission(false, $"Too many task creations: at most {_options.MaxTaskCreationsPerSecond:0.##} per second; retry in {retryAfterMs} ms.", TaskErrorCodes.RateLimited, retryAfterMs));
        }

        _tokens -= 1;
        _running.Add(taskId);
        return Task.FromResult(TaskAdmission.Yes);
    }

    /// <inheritdoc />
    public Task ReleaseAsync(string taskId, CancellationToken cancellationToken = default)
    {
        _running.Remove(taskId);
        return Task.CompletedTask;
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

    private void Refill()
    {
        var now = timeProvider.GetUtcNow();
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
