using TaskActors.Runtime.Abstractions.Reminders;
using TaskActors.Runtime.Activation;

namespace TaskActors.Runtime.Reminders;

/// <summary>The reminders of one activation's grain; the grain must implement <see cref="IRemindable"/>.</summary>
internal sealed class GrainReminderRegistry(GrainActivation activation, ReminderService service) : IGrainReminderRegistry
{
    public Task<IGrainReminder> RegisterOrUpdateAsync(string reminderName, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken = default)
    {
        if (!typeof(IRemindable).IsAssignableFrom(activation.Metadata.ClassType))
        {
            throw new InvalidOperationException($"Grain {activation.Metadata.ClassType.Name} registers reminder '{reminderName}' but does not implement IRemindable.");
        }

        return service.RegisterOrUpdateAsync(activation.GrainId, reminderName, dueTime, period, cancellationToken);
    }

    public Task UnregisterAsync(string reminderName, CancellationToken cancellationToken = default) =>
        service.UnregisterAsync(activation.GrainId, reminderName, cancellationToken);

    public Task<IGrainReminder?> GetAsync(string reminderName, CancellationToken cancellationToken = default) =>
        service.GetAsync(activation.GrainId, reminderName, cancellationToken);
}
