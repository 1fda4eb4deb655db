using Microsoft.Extensions.Options;

namespace TaskActors.Grains.Configuration;

/// <summary>Validates <see cref="TaskEngineOptions"/>, reporting every failure.</summary>
internal sealed class TaskEngineOptionsValidator : IValidateOptions<TaskEngineOptions>
{
    public ValidateOptionsResult Validate(string? name, TaskEngineOptions options)
    {
        var failures = new List<string>();
        if (options.MaxAttempts is < 1 or > 100)
        {
            failures.Add($"Tasks:MaxAttempts {options.MaxAttempts} must be between 1 and 100.");
        }

        if (options.RedriveAfter <= TimeSpan.Zero)
        {
            failures.Add("Tasks:RedriveAfter must be positive.");
        }

        if (options.RedrivePeriod < TaskEngineOptions.MinimumRedrivePeriod)
        {
            failures.Add($"Tasks:RedrivePeriod {options.RedrivePeriod} must be at least {TaskEngineOptions.MinimumRedrivePeriod} (the silo's minimum reminder period).");
        }

        if (options.MessageBufferSize is < 1 or > 1_000_000)
        {
            failures.Add($"Tasks:MessageBufferSize {options.MessageBufferSize} must be between 1 and 1000000.");
        }

        if (options.MaxConcurrentTasksPerRequestor < 1)
        {
            failures.Add($"Tasks:MaxConcurrentTasksPerRequestor {options.MaxConcurrentTasksPerRequestor} must be at least 1.");
        }

        if (options.MaxTaskCreationsPerSecond <= 0)
        {
            failures.Add($"Tasks:MaxTaskCreationsPerSecond {options.MaxTaskCreationsPerSecond} must be positive.");
        }

        if (options.SessionIdleTimeout <= TimeSpan.Zero)
        {
            failures.Add("Tasks:SessionIdleTimeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
