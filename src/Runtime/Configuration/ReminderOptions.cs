namespace TaskActors.Runtime.Configuration;

/// <summary>Durable reminders.</summary>
public sealed class ReminderOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Reminders";

    /// <summary>How often a silo re-reads the reminders of the grains it owns. Default 10 s.</summary>
    public TimeSpan RefreshPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The shortest period a reminder may have. Default 1 minute.</summary>
    public TimeSpan MinimumPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
