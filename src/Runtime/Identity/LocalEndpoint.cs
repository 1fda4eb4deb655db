namespace TaskActors.Runtime.Identity;

/// <summary>
/// Who this process is to the cluster: a silo (with an address other silos call) or a client (which only calls out).
/// </summary>
internal sealed class LocalEndpoint
{
    private static long s_lastGeneration;

    private LocalEndpoint(string senderId, SiloAddress? siloAddress, string name)
    {
        SenderId = senderId;
        SiloAddress = siloAddress;
        Name = name;
    }

    /// <summary>How calls from this process identify their sender.</summary>
    public string SenderId { get; }

    /// <summary>This silo's address; null in a client.</summary>
    public SiloAddress? SiloAddress { get; }

    /// <summary>The silo or client name for logs.</summary>
    public string Name { get; }

    public bool IsSilo => SiloAddress is not null;

    public static LocalEndpoint ForSilo(string name, string host, int port, TimeProvider timeProvider)
    {
        // A generation must differ between incarnations on one endpoint, also when a fake clock stands still.
        var now = timeProvider.GetUtcNow().UtcTicks;
        long generation;
        do
        {
            var last = Volatile.Read(ref s_lastGeneration);
            generation = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref s_lastGeneration, generation, last) == last)
            {
                break;
            }
        }
        while (true);

        var address = new SiloAddress(host, port, generation);
        return new LocalEndpoint(address.ToString(), address, name);
    }

    public static LocalEndpoint ForClient(string name) => new($"client/{name}/{Guid.NewGuid():N}", null, name);
}
