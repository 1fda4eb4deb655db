using Microsoft.Extensions.Options;

namespace TaskActors.Silo.Dashboard;

/// <summary>Checks <see cref="SiloDashboardOptions"/> at start and reports every problem at once, with its key.</summary>
internal sealed class SiloDashboardOptionsValidator : IValidateOptions<SiloDashboardOptions>
{
    private const string Prefix = "TaskActors:Dashboard:";

    public ValidateOptionsResult Validate(string? name, SiloDashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        var path = options.Path;
        if (string.IsNullOrEmpty(path) || path[0] != '/' || path.Length < 2 || path.EndsWith('/') || path.Any(c => c is '?' or '#' or '{' or '}' || char.IsWhiteSpace(c)))
        {
            failures.Add($"{Prefix}Path must be a path below the root such as /dashboard (no trailing slash, query or route parameters); it is '{path}'.");
        }

        if (options.RequiresCredentials)
        {
            if (string.IsNullOrEmpty(options.Username) || options.Username.Contains(':', StringComparison.Ordinal))
            {
                failures.Add($"{Prefix}Username must be set, without a colon, when {Prefix}Password is.");
            }

            if (options.Password is not { Length: >= SiloDashboardOptions.MinimumPasswordLength })
            {
                failures.Add($"{Prefix}Password must have at least {SiloDashboardOptions.MinimumPasswordLength} characters when {Prefix}Username is set.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
