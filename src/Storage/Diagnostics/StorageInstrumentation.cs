using System.Diagnostics.Metrics;

namespace TaskActors.Storage.Diagnostics;

/// <summary>The storage's meter: how often grain state is read and written, by state name.</summary>
public sealed class StorageInstrumentation
{
    /// <summary>The name of the meter.</summary>
    public const string MeterName = "TaskActors.Storage";

    /// <summary>The counter of state reads.</summary>
    public const string ReadsCounter = "taskactors.storage.reads";

    /// <summary>The counter of state writes (clears included).</summary>
    public const string WritesCounter = "taskactors.storage.writes";

    /// <summary>Tag: the name of the grain state.</summary>
    public const string StateTag = "taskactors.state";

    private readonly Counter<long> _reads;
    private readonly Counter<long> _writes;

    /// <summary>Creates the meter with the host's meter factory.</summary>
    public StorageInstrumentation(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _reads = meter.CreateCounter<long>(ReadsCounter, description: "Grain state reads.");
        _writes = meter.CreateCounter<long>(WritesCounter, description: "Grain state writes and clears.");
    }

    /// <summary>Counts one read of <paramref name="stateName"/>.</summary>
    public void Read(string stateName) => _reads.Add(1, new KeyValuePair<string, object?>(StateTag, stateName));

    /// <summary>Counts one write of <paramref name="stateName"/>.</summary>
    public void Write(string stateName) => _writes.Add(1, new KeyValuePair<string, object?>(StateTag, stateName));
}
