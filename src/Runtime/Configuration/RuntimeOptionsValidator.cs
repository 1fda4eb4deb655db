using Microsoft.Extensions.Options;

namespace TaskActors.Runtime.Configuration;

/// <summary>Validates every runtime options class, reporting all failures at once.</summary>
internal sealed class RuntimeOptionsValidator :
    IValidateOptions<ClusterOptions>,
    IValidateOptions<SiloOptions>,
    IValidateOptions<MessagingOptions>,
    IValidateOptions<GrainCollectionOptions>,
    IValidateOptions<MembershipOptions>,
    IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        var failures = new List<string>();
        RequireKeySafe(failures, "Cluster:ClusterId", options.ClusterId);
        RequireKeySafe(failures, "Cluster:ServiceId", options.ServiceId);
        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, SiloOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SiloName))
        {
            failures.Add("Silo:SiloName must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.AdvertisedHost) || options.AdvertisedHost.Contains('@', StringComparison.Ordinal))
        {
            failures.Add($"Silo:AdvertisedHost '{options.AdvertisedHost}' must be a host name or IP address.");
        }

        if (options.SiloPort is < 0 or > 65535)
        {
            failures.Add($"Silo:SiloPort {options.SiloPort} must be between 0 and 65535.");
        }

        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, MessagingOptions options)
    {
        var failures = new List<string>();
        RequirePositive(failures, "Messaging:ResponseTimeout", options.ResponseTimeout);
        RequirePositive(failures, "Messaging:DeadlineCheckPeriod", options.DeadlineCheckPeriod);
        if (options.DeadlineCheckPeriod > options.ResponseTimeout)
        {
            failures.Add("Messaging:DeadlineCheckPeriod must not exceed Messaging:ResponseTimeout.");
        }

        if (options.MaxResendCount is < 0 or > 100)
        {
            failures.Add($"Messaging:MaxResendCount {options.MaxResendCount} must be between 0 and 100.");
        }

        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, GrainCollectionOptions options)
    {
        var failures = new List<string>();
        RequirePositive(failures, "GrainCollection:CollectionAge", options.CollectionAge);
        RequirePositive(failures, "GrainCollection:CollectionQuantum", options.CollectionQuantum);
        RequirePositive(failures, "GrainCollection:DeactivationTimeout", options.DeactivationTimeout);
        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, MembershipOptions options)
    {
        var failures = new List<string>();
        RequirePositive(failures, "Membership:IAmAlivePeriod", options.IAmAlivePeriod);
        RequirePositive(failures, "Membership:DeathTimeout", options.DeathTimeout);
        RequirePositive(failures, "Membership:TableRefreshPeriod", options.TableRefreshPeriod);
        RequirePositive(failures, "Membership:DefunctSiloExpiration", options.DefunctSiloExpiration);
        if (options.DeathTimeout <= options.IAmAlivePeriod * 2)
        {
            failures.Add($"Membership:DeathTimeout ({options.DeathTimeout}) must exceed twice Membership:IAmAlivePeriod ({options.IAmAlivePeriod}), or a live silo is declared dead after one slow heartbeat.");
        }

        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        var failures = new List<string>();
        RequirePositive(failures, "Reminders:RefreshPeriod", options.RefreshPeriod);
        RequirePositive(failures, "Reminders:MinimumPeriod", options.MinimumPeriod);
        return Result(failures);
    }

    private static void RequirePositive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{name} must be positive (was {value}).");
        }
    }

    private static void RequireKeySafe(List<string> failures, string name, string value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 64 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            failures.Add($"{name} '{value}' must be 1-64 ASCII letters, digits, '-', '_' or '.'; it is part of every storage key.");
        }
    }

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
