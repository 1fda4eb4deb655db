namespace TaskActors.Runtime.Configuration;

/// <summary>Deadlines and retries of grain calls.</summary>
public sealed class MessagingOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Messaging";

    /// <summary>How long a caller waits for a response before the call fails with a timeout. Default 30 s.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often pending calls are checked against their deadlines; bounds the deadline's precision. Default 100 ms.</summary>
    public TimeSpan DeadlineCheckPeriod { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How many times a call is re-sent after an answer that proves it did not run (wrong silo, silo not accepting,
    /// silo unreachable before accepting). Default 8.
    /// </summary>
    public int MaxResendCount { get; set; } = 8;
}
