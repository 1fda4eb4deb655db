using Microsoft.Extensions.Options;

namespace TaskActors.Gateway.Configuration;

/// <summary>Validates <see cref="GatewayOptions"/>, reporting every failure.</summary>
internal sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.Path) || options.Path[0] != '/')
        {
            failures.Add($"Gateway:Path '{options.Path}' must start with '/'.");
        }

        if (string.IsNullOrWhiteSpace(options.Server))
        {
            failures.Add("Gateway:Server must name the MCP server to serve.");
        }

        if (options.MaxRequestBodyBytes is < 1024 or > 256 * 1024 * 1024)
        {
            failures.Add($"Gateway:MaxRequestBodyBytes {options.MaxRequestBodyBytes} must be between 1 KiB and 256 MiB.");
        }

        if (options.DefaultTaskTtl <= TimeSpan.Zero || options.MaxTaskTtl <= TimeSpan.Zero || options.DefaultTaskTtl > options.MaxTaskTtl)
        {
            failures.Add("Gateway:DefaultTaskTtl and Gateway:MaxTaskTtl must be positive, and the default must not exceed the maximum.");
        }

        if (options.TaskPollInterval <= TimeSpan.Zero || options.SseRetry <= TimeSpan.Zero)
        {
            failures.Add("Gateway:TaskPollInterval and Gateway:SseRetry must be positive.");
        }

        if (options.PageSize is < 1 or > 1000)
        {
            failures.Add($"Gateway:PageSize {options.PageSize} must be between 1 and 1000.");
        }

        if (options.TaskOperationsPerSecond is < 1 or > 1_000_000)
        {
            failures.Add($"Gateway:TaskOperationsPerSecond {options.TaskOperationsPerSecond} must be between 1 and 1000000.");
        }

        if (options.RelayRetryWindow < TimeSpan.Zero)
        {
            failures.Add("Gateway:RelayRetryWindow must not be negative.");
        }

        if (options.LongPollWait <= TimeSpan.Zero || options.LongPollWait > TimeSpan.FromMinutes(5))
        {
            failures.Add("Gateway:LongPollWait must be positive and at most 5 minutes (and below the grain call deadline).");
        }

        if (options.ForwardedHeaders.Any(h => h.Equals("authorization", StringComparison.OrdinalIgnoreCase) || h.Equals("cookie", StringComparison.OrdinalIgnoreCase)))
        {
            failures.Add("Gateway:ForwardedHeaders must not include Authorization or Cookie; credentials never enter task context as plain headers.");
        }

        foreach (var origin in options.AllowedOrigins.Where(o => o != "*" && !Uri.TryCreate(o, UriKind.Absolute, out _)))
        {
            failures.Add($"Gateway:AllowedOrigins entry '{origin}' must be '*' or an absolute origin such as https://app.example.com.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
