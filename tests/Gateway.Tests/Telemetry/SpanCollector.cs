using System.Collections;
using System.Diagnostics;

namespace TaskActors.Gateway.Tests.Telemetry;

/// <summary>
/// The collection the in-memory exporter adds finished spans to, safe to read while silos export from other threads, with
/// waits armed on a span to come. Every host of the test process exports here while it is attached, so tests pick their
/// own spans by trace id or task id.
/// </summary>
internal sealed class SpanCollector : ICollection<Activity>
{
    private readonly Lock _lock = new();
    private readonly List<Activity> _spans = [];
    private readonly List<(Func<Activity, bool> Match, TaskCompletionSource<Activity> Found)> _waits = [];

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _spans.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    /// <summary>The first exported span that matches, as soon as it is exported (or at once when it already was).</summary>
    public Task<Activity> WhenExported(Func<Activity, bool> match)
    {
        lock (_lock)
        {
            if (_spans.FirstOrDefault(match) is { } span)
            {
                return Task.FromResult(span);
            }

            var found = new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((match, found));
            return found.Task;
        }
    }

    /// <summary>The exported spans of one trace.</summary>
    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId)
    {
        lock (_lock)
        {
            return [.. _spans.Where(s => s.TraceId == traceId)];
        }
    }

    public void Add(Activity item)
    {
        var matched = new List<TaskCompletionSource<Activity>>();
        lock (_lock)
        {
            _spans.Add(item);
            for (var i = _waits.Count - 1; i >= 0; i--)
            {
                if (_waits[i].Match(item))
                {
                    matched.Add(_waits[i].Found);
                    _waits.RemoveAt(i);
                }
            }
        }

        foreach (var found in matched)
        {
            found.TrySetResult(item);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _spans.Clear();
        }
    }

    public bool Contains(Activity item)
    {
        lock (_lock)
        {
            return _spans.Contains(item);
        }
    }

    public void CopyTo(Activity[] array, int arrayIndex)
    {
        lock (_lock)
        {
            _spans.CopyTo(array, arrayIndex);
        }
    }

    public bool Remove(Activity item)
    {
        lock (_lock)
        {
            return _spans.Remove(item);
        }
    }

    public IEnumerator<Activity> GetEnumerator()
    {
        lock (_lock)
        {
            return _spans.ToList().GetEnumerator();
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
