using System.Globalization;
using ModelContextProtocol;

namespace TaskActors.SampleServers.Tasks;

/// <summary>The <c>seconds</c> arguments of the task fixtures: 0 to 1 hour.</summary>
internal static class FixtureDurations
{
    /// <summary>The longest a fixture waits.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    /// <summary>The duration of <paramref name="seconds"/>.</summary>
    /// <exception cref="McpException">It is negative, not a number or longer than <see cref="Longest"/> (the client sees the message).</exception>
    public static TimeSpan FromSeconds(double seconds) =>
        seconds >= 0 && seconds <= Longest.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new McpException(string.Create(CultureInfo.InvariantCulture, $"'seconds' must be between 0 and {Longest.TotalSeconds}; got {seconds}."));
}
