using TaskActors.Runtime.Abstractions.Core;
using TaskActors.Runtime.Abstractions.Persistence;
using TaskActors.Runtime.Abstractions.Reminders;

namespace TaskActors.Runtime.Tests.Grains;

public sealed class CounterGrain([PersistentState("counter", "test")] IPersistentState<CounterState> state) : Grain, ICounterGrain, IRemindable
{
    private readonly string _activation = Guid.NewGuid().ToString("N");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        TestSignals.Set($"activated:{GrainId.Key}:{state.State.Activations}", _activation);
        state.State.Activations++;
        if (GrainId.Key.StartsWith("fail-activation", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("This grain refuses to activate.");
        }

        await Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        TestSignals.Set($"deactivated:{GrainId.Key}:{_activation}", reason.Code.ToString());
        return Task.CompletedTask;
    }

    public async Task<int> AddAsync(int amount, CancellationToken cancellationToken = default)
    {
        state.State.Value += amount;
        await state.WriteStateAsync(cancellationToken);
        return state.State.Value;
    }

    public Task<int> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(state.State.Value);

    public Task<string> GetActivationAsync(CancellationToken cancellationToken = default) => Task.FromResult(_activation);

    public Task DeactivateAsync(CancellationToken cancellationToken = default)
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public async Task ReceiveReminderAsync(string reminderName, TickStatus status, CancellationToken cancellationToken = default)
    {
        state.State.Value++;
        await state.WriteStateAsync(cancellationToken);
        TestSignals.Set($"reminder:{GrainId.Key}:{state.State.Value}", _activation);
        if (reminderName == "once")
        {
            await UnregisterReminderAsync(reminderName, cancellationToken);
        }
    }

    public Task StartReminderAsync(string name, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken = default) =>
        RegisterOrUpdateReminderAsync(name, dueTime, period, cancellationToken);

    public Task StartTimerAsync(TimeSpan period, CancellationToken cancellationToken = default)
    {
        var ticks = 0;
        RegisterGrainTimer(
            _ =>
            {
                ticks++;
                state.State.Value++;
                TestSignals.Set($"timer:{GrainId.Key}:{ticks}", _activation);
                return Task.CompletedTask;
            },
            new Abstractions.Timers.GrainTimerCreationOptions { DueTime = period, Period = period });
        return Task.CompletedTask;
    }
}
