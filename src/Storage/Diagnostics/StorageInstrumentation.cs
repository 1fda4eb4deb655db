using System.Diagnostics.Metrics;

namespace TaskActors.Storage.Diagnostics;

/// <summary>
/// The storage's meter: how often grain state is read and written, by state name, and what the in-memory store holds
/// (records and bytes, which go back down when records expire).
/// </summary>
public sealed class StorageInstrumentation
{
    /// <summary>The name of the meter.</summary>
    public const string MeterName = "TaskActors.Storage";

    /// <summary>The counter of state reads.</summary>
    public const string ReadsCounter = "taskactors.storage.reads";

    /// <summary>The counter of state writes (clears included).</summary>
    public const string WritesCounter = "taskactors.storage.writes";

    /// <summary>The up-down counter of records the in-memory store holds.</summary>
    public const string MemoryRecordsCounter = "taskactors.storage.memory.records";

    /// <summary>The up-down counter of payload bytes the in-memory store holds.</summary>
    public const string MemoryBytesCounter = "taskactors.storage.memory.bytes";

    /// <summary>Tag: the name of the grain state.</summary>
    public const string StateTag = "taskactors.state";

    private readonly Counter<long> _reads;
    private readonly Counter<long> _writes;
    private readonly UpDownCounter<long> _memoryRecords;
    private readonly UpDownCounter<long> _memoryBytes;

    /// <summary>Creates the meter with the host's meter factory.</summary>
    public StorageInstrumentation(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _reads = meter.CreateCounter<long>(ReadsCounter, description: "Grain state reads.");
        _writes = meter.CreateCounter<long>(WritesCounter, description: "Grain state writes and clears.");
        _memoryRecords = meter.CreateUpDownCounter<long>(MemoryRecordsCounter, description: "Records held by the in-memory store.");
        _memoryBytes = meter.CreateUpDownCounter<long>(MemoryBytesCounter, unit: "By", description: "Payload bytes held by the in-memory store.");
    }

    /// <summary>Counts one read of <paramref name="stateName"/>.</summary>
    public void Read(string stateName) => _reads.Add(1, new KeyValuePair<string, object?>(StateTag, stateName));

    /// <summary>Counts one write of <paramref name="stateName"/>.</summary>
    public void Write(string stateName) => _writes.Add(1, new KeyValuePair<string, object?>(StateTag, stateName));

    /// <summary>Counts a change in what the in-memory store holds of <paramref name="stateName"/>: records and bytes, up or down.</summary>
    public void MemoryHeld(string stateName, int records, long bytes)
    {
        var tag = new KeyValuePair<string, object?>(StateTag, stateName);
        _memoryRecords.Add(records, tag);
        _memoryBytes.Add(bytes, tag);
    }
}
