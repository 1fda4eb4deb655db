namespace TaskActors.Runtime.Abstractions.Reminders;

/// <summary>The timing of one reminder tick.</summary>
/// <param name="FirstTickTime">When the reminder first became due.</param>
/// <param name="Period">The period between ticks.</param>
/// <param name="CurrentTickTime">When this tick was due.</param>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
