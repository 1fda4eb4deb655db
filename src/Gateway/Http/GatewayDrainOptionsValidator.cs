using Microsoft.Extensions.Options;
using TaskActors.Gateway.Configuration;

namespace TaskActors.Gateway.Http;

/// <summary>Validates <see cref="GatewayDrainOptions"/>, reporting every failure with its key.</summary>
internal sealed class GatewayDrainOptionsValidator : IValidateOptions<GatewayDrainOptions>
{
    /// <summary>The longest drain delay: the documented exit bound (10 s) must still hold with a stream open.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(8);

    private const string Key = "TaskActors:" + GatewayOptions.SectionName + ":" + GatewayDrainOptions.SectionName + ":" + nameof(GatewayDrainOptions.Delay);

    public ValidateOptionsResult Validate(string? name, GatewayDrainOptions options)
    {
        return options.Delay < TimeSpan.Zero || options.Delay > MaxDelay
            ? ValidateOptionsResult.Fail($"{Key} {options.Delay} must be between 0 and {MaxDelay}.")
            : ValidateOptionsResult.Success;
    }
}
