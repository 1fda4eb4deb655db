using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Servers.Execution;

/// <summary>A tool run's channel to its client, through its task grain; requests wait in task state until answered.</summary>
internal sealed class TaskRunChannel(ITaskRunGrain grain, int attempt) : IClientChannel
{
    /// <summary>
    /// How long one wait for an answer lasts before it is re-issued (below the grain call deadline). A grain deactivates
    /// only once its running requests end, and this wait is one: it bounds how long a stopping silo waits for a task
    /// whose run awaits its client's answer before the task can be handed over (it was 20 s, and a rolling restart's
    /// every stop took 20 s).
    /// </summary>
    private static readonly TimeSpan AnswerPoll = TimeSpan.FromSeconds(2);

    public Task NotifyAsync(TaskNotification notification, CancellationToken cancellationToken) =>
        grain.NotifyAsync(attempt, notification, cancellationToken);

    public async Task<TaskInputAnswer> RequestAsync(TaskInputRequest request, CancellationToken cancellationToken)
    {
        var requestId = await grain.RequestInputAsync(attempt, request, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await grain.AwaitAnswerAsync(attempt, requestId, AnswerPoll, cancellationToken).ConfigureAwait(false) is { } answer)
            {
                return answer;
            }
        }
    }
}
