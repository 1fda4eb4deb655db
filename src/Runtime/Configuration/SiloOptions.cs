namespace TaskActors.Runtime.Configuration;

/// <summary>Identity and endpoint of one silo.</summary>
public sealed class SiloOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Silo";

    /// <summary>Environment variable Kubernetes sets (downward API) to the pod name; used as the default silo name.</summary>
    public const string PodNameEnvironmentVariable = "POD_NAME";

    /// <summary>Environment variable Kubernetes sets (downward API) to the pod IP; used as the default advertised host.</summary>
    public const string PodIpEnvironmentVariable = "POD_IP";

    /// <summary>Environment variable Kubernetes sets (downward API) to the pod namespace.</summary>
    public const string PodNamespaceEnvironmentVariable = "POD_NAMESPACE";

    /// <summary>A readable name for logs and membership. Default: <c>POD_NAME</c>, else the machine name.</summary>
    public string SiloName { get; set; } = Environment.GetEnvironmentVariable(PodNameEnvironmentVariable) ?? Environment.MachineName;

    /// <summary>The host other processes reach this silo at. Default: <c>POD_IP</c>, else <c>127.0.0.1</c>.</summary>
    public string AdvertisedHost { get; set; } = Environment.GetEnvironmentVariable(PodIpEnvironmentVariable) ?? "127.0.0.1";

    /// <summary>The silo's internal port for silo-to-silo calls. Default 11111.</summary>
    public int SiloPort { get; set; } = 11111;
}
