namespace TaskActors.Silo.Dashboard;

/// <summary>
/// The Orleans Dashboard of a silo, bound from <c>TaskActors:Dashboard</c>. Off by default. When on, the silo serves it
/// under <see cref="Path"/> on its HTTP port (the MCP endpoint's), to loopback clients only (an operator's
/// <c>kubectl port-forward</c>, or a browser on the same machine). Setting <see cref="Username"/> and <see cref="Password"/> opens it to other
/// addresses behind HTTP basic authentication, which every client must then pass, loopback included.
/// </summary>
public sealed class SiloDashboardOptions
{
    /// <summary>The configuration section (under <c>TaskActors</c>).</summary>
    public const string SectionName = "Dashboard";

    /// <summary>The shortest <see cref="Password"/> accepted.</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>Whether the silo collects dashboard statistics and serves the dashboard. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>The path the dashboard is served under, on the silo's HTTP port. Default <c>/dashboard</c>.</summary>
    public string Path { get; set; } = "/dashboard";

    /// <summary>The basic-authentication user name. Default unset: only loopback clients are served.</summary>
    public string? Username { get; set; }

    /// <summary>The basic-authentication password, at least <see cref="MinimumPasswordLength"/> characters. Default unset.</summary>
    public string? Password { get; set; }

    /// <summary>Whether credentials are configured, so that clients of any address are served once they pass them.</summary>
    public bool RequiresCredentials => !string.IsNullOrEmpty(Username) || !string.IsNullOrEmpty(Password);
}
