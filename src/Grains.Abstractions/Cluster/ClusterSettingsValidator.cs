using System.Net;
using Microsoft.Extensions.Options;

namespace TaskActors.Grains.Abstractions.Cluster;

/// <summary>Checks <see cref="ClusterSettings"/> at start and reports every problem at once, with its key.</summary>
public sealed class ClusterSettingsValidator : IValidateOptions<ClusterSettings>
{
    private const string Prefix = "TaskActors:Cluster:";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ClusterSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClusterId))
        {
            failures.Add($"{Prefix}ClusterId must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceId) || options.ServiceId.Any(c => c is '{' or '}' or ':' || char.IsWhiteSpace(c)))
        {
            failures.Add($"{Prefix}ServiceId must be a non-empty name without braces, colons or spaces (it prefixes Redis keys).");
        }

        foreach (var (key, port) in new[] { ("SiloPort", options.SiloPort), ("GatewayPort", options.GatewayPort) })
        {
            if (port is < 1 or > 65535)
            {
                failures.Add($"{Prefix}{key} must be a TCP port (1-65535); it is {port}.");
            }
        }

        if (options.SiloPort == options.GatewayPort)
        {
            failures.Add($"{Prefix}SiloPort and {Prefix}GatewayPort must differ; both are {options.SiloPort}.");
        }

        if (!string.IsNullOrWhiteSpace(options.AdvertisedAddress) && !IPAddress.TryParse(options.AdvertisedAddress, out _))
        {
            failures.Add($"{Prefix}AdvertisedAddress must be an IP address; it is '{options.AdvertisedAddress}'.");
        }

        if (options.ClientResponseTimeout < TimeSpan.FromSeconds(2) || options.ClientResponseTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{Prefix}ClientResponseTimeout must be between 2 seconds and 5 minutes; it is {options.ClientResponseTimeout}.");
        }

        if (options.Redis is { Length: > 0 } redis && string.IsNullOrWhiteSpace(redis))
        {
            failures.Add($"{Prefix}Redis is blank; leave it unset for the embedded default or give a connection string such as 127.0.0.1:6379.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
