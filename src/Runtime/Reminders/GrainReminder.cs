using TaskActors.Runtime.Abstractions.Reminders;

namespace TaskActors.Runtime.Reminders;

/// <summary>A handle to a registered reminder.</summary>
internal sealed class GrainReminder(ReminderEntry entry) : IGrainReminder
{
    public string ReminderName => entry.ReminderName;

    public DateTimeOffset StartAt => entry.StartAt;

    public TimeSpan Period => entry.Period;
}
