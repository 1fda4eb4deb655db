using Microsoft.Extensions.DependencyInjection;
using Orleans.Reminders;

namespace TaskActors.TestKit.Orleans;

/// <summary>
/// Lets a test move the clock of its grains and tools (timers, ttls, expiry) without stopping Orleans' own machinery:
/// membership, messaging, directory, activation management and reminders keep the system clock.
/// </summary>
public static class RuntimeClocks
{
    /// <summary>Registers <paramref name="clock"/> as the host's clock, with Orleans' runtime areas on the system clock.</summary>
    public static IServiceCollection UseTestClock(this IServiceCollection services, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(clock);
        services.AddSingleton(clock);
        foreach (var area in new[] { TimeProviderNames.Messaging, TimeProviderNames.SystemTimers, TimeProviderNames.Membership, TimeProviderNames.ActivationManagement, TimeProviderNames.GrainDirectory, ReminderTimeProviderNames.Reminders })
        {
            services.AddKeyedSingleton(area, TimeProvider.System);
        }

        return services;
    }
}
