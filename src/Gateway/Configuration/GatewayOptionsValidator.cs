using Microsoft.Extensions.Options;

namespace TaskActors.Gateway.Configuration;

/// <summary>Validates <see cref="GatewayOptions"/>, reporting every failure with its key.</summary>
internal sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    private const string Prefix = "TaskActors:" + GatewayOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.Path) || options.Path[0] != '/')
        {
            failures.Add($"{Prefix}Path '{options.Path}' must start with '/'.");
        }

        if (string.IsNullOrWhiteSpace(options.Server))
        {
            failures.Add($"{Prefix}Server must name the MCP server to serve.");
        }

        if (options.MaxRequestBodyBytes is < 1024 or > 256 * 1024 * 1024)
        {
            failures.Add($"{Prefix}MaxRequestBodyBytes {options.MaxRequestBodyBytes} must be between 1 KiB and 256 MiB.");
        }

        if (options.DefaultTaskTtl <= TimeSpan.Zero || options.MaxTaskTtl <= TimeSpan.Zero || options.DefaultTaskTtl > options.MaxTaskTtl)
        {
            failures.Add($"{Prefix}DefaultTaskTtl and {Prefix}MaxTaskTtl must be positive, and the default must not exceed the maximum.");
        }

        if (options.MinTaskTtl < TimeSpan.FromMilliseconds(1) || options.MinTaskTtl > options.DefaultTaskTtl)
        {
            failures.Add($"{Prefix}MinTaskTtl must be at least 1 ms and must not exceed {Prefix}DefaultTaskTtl.");
        }

        if (options.TaskPollInterval <= TimeSpan.Zero || options.SseRetry <= TimeSpan.Zero)
        {
            failures.Add($"{Prefix}TaskPollInterval and {Prefix}SseRetry must be positive.");
        }

        if (options.MaxBatchLength is < 1 or > 10_000)
        {
            failures.Add($"{Prefix}MaxBatchLength {options.MaxBatchLength} must be between 1 and 10000.");
        }

        if (options.AnonymousSessionsPerMinute is < 1 or > 1_000_000)
        {
            failures.Add($"{Prefix}AnonymousSessionsPerMinute {options.AnonymousSessionsPerMinute} must be between 1 and 1000000.");
        }

        if (options.PageSize is < 1 or > 1000)
        {
            failures.Add($"{Prefix}PageSize {options.PageSize} must be between 1 and 1000.");
        }

        if (options.TaskOperationsPerSecond is < 1 or > 1_000_000)
        {
            failures.Add($"{Prefix}TaskOperationsPerSecond {options.TaskOperationsPerSecond} must be between 1 and 1000000.");
        }

        if (options.RelayRetryWindow < TimeSpan.Zero)
        {
            failures.Add($"{Prefix}RelayRetryWindow must not be negative.");
        }

        if (options.LongPollWait <= TimeSpan.Zero || options.LongPollWait > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{Prefix}LongPollWait must be positive and at most 5 minutes (and below the grain call deadline).");
        }

        if (options.ForwardedHeaders.Any(h => h.Equals("authorization", StringComparison.OrdinalIgnoreCase) || h.Equals("cookie", StringComparison.OrdinalIgnoreCase)))
        {
            failures.Add($"{Prefix}ForwardedHeaders must not include Authorization or Cookie; credentials never enter task context as plain headers.");
        }

        foreach (var origin in options.AllowedOrigins.Where(o => o != "*" && !Uri.TryCreate(o, UriKind.Absolute, out _)))
        {
            failures.Add($"{Prefix}AllowedOrigins entry '{origin}' must be '*' or an absolute origin such as https://app.example.com.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
