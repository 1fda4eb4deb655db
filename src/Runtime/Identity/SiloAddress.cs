using System.Globalization;

namespace TaskActors.Runtime.Identity;

/// <summary>
/// Where a silo runs and which incarnation it is: <c>host:port@generation</c>. A restarted silo on the same endpoint
/// has a new generation, so directory entries and calls addressed to its previous life are recognisably stale.
/// </summary>
public sealed record SiloAddress
{
    private readonly string _text;

    /// <summary>Creates a silo address.</summary>
    public SiloAddress(string host, int port, long generation)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        if (host.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Silo host '{host}' must not contain '@'.", nameof(host));
        }

        Host = host;
        Port = port;
        Generation = generation;
        _text = string.Create(CultureInfo.InvariantCulture, $"{host}:{port}@{generation}");
    }

    /// <summary>The host name or IP address other processes reach the silo at.</summary>
    public string Host { get; }

    /// <summary>The silo's internal port.</summary>
    public int Port { get; }

    /// <summary>The incarnation of the silo on this endpoint (its start time in ticks).</summary>
    public long Generation { get; }

    /// <summary>Parses the <c>host:port@generation</c> form.</summary>
    /// <exception cref="FormatException">The text is not a silo address.</exception>
    public static SiloAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.LastIndexOf('@');
        var colon = at > 0 ? text.LastIndexOf(':', at - 1) : -1;
        if (colon <= 0
            || !int.TryParse(text.AsSpan(colon + 1, at - colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || !long.TryParse(text.AsSpan(at + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var generation))
        {
            throw new FormatException($"'{text}' is not a silo address of the form host:port@generation.");
        }

        return new SiloAddress(text[..colon], port, generation);
    }

    /// <inheritdoc />
    public override string ToString() => _text;

    /// <summary>Equal when host, port and generation are: the text form follows from them, so it is not compared.</summary>
    public bool Equals(SiloAddress? other) =>
        ReferenceEquals(this, other)
        || (other is not null && Generation == other.Generation && Port == other.Port && string.Equals(Host, other.Host, StringComparison.Ordinal));

    /// <summary>
    /// Hashes the generation and port only: addresses are looked up on every grain call (membership, transport), and
    /// the generation (a start time in ticks) all but identifies a silo, so hashing the host and text strings each time
    /// bought nothing. Addresses that differ only by host are told apart by <see cref="Equals(SiloAddress)"/>.
    /// </summary>
    public override int GetHashCode() => HashCode.Combine(Generation, Port);
}
