using Microsoft.Extensions.Options;

namespace TaskActors.Grains.Configuration;

/// <summary>Validates <see cref="TaskEngineOptions"/>, reporting every failure with its key.</summary>
internal sealed class TaskEngineOptionsValidator : IValidateOptions<TaskEngineOptions>
{
    private const string Prefix = "TaskActors:" + TaskEngineOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, TaskEngineOptions options)
    {
        var failures = new List<string>();
        if (options.MaxAttempts is < 1 or > 100)
        {
            failures.Add($"{Prefix}MaxAttempts {options.MaxAttempts} must be between 1 and 100.");
        }

        if (options.RedriveAfter <= TimeSpan.Zero)
        {
            failures.Add($"{Prefix}RedriveAfter must be positive.");
        }

        if (options.RedrivePeriod < TaskEngineOptions.MinimumRedrivePeriod)
        {
            failures.Add($"{Prefix}RedrivePeriod {options.RedrivePeriod} must be at least {TaskEngineOptions.MinimumRedrivePeriod} (the silo's minimum reminder period).");
        }

        if (options.MessageBufferSize is < 1 or > 1_000_000)
        {
            failures.Add($"{Prefix}MessageBufferSize {options.MessageBufferSize} must be between 1 and 1000000.");
        }

        if (options.MaxConcurrentTasksPerRequestor < 1)
        {
            failures.Add($"{Prefix}MaxConcurrentTasksPerRequestor {options.MaxConcurrentTasksPerRequestor} must be at least 1.");
        }

        if (options.MaxTaskCreationsPerSecond <= 0)
        {
            failures.Add($"{Prefix}MaxTaskCreationsPerSecond {options.MaxTaskCreationsPerSecond} must be positive.");
        }

        if (options.MaxKeptTasksPerRequestor < 1)
        {
            failures.Add($"{Prefix}MaxKeptTasksPerRequestor {options.MaxKeptTasksPerRequestor} must be at least 1.");
        }

        if (options.MaxStoredBytesPerRequestor < 1024)
        {
            failures.Add($"{Prefix}MaxStoredBytesPerRequestor {options.MaxStoredBytesPerRequestor} must be at least 1024.");
        }

        if (options.SessionIdleTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Prefix}SessionIdleTimeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
