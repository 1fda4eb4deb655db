namespace TaskActors.Gateway.Http;

/// <summary>
/// How a gateway drains when it is told to stop (SIGTERM), bound from <c>TaskActors:Gateway:Drain</c>. On the stop it
/// answers every new request 503 with <c>Retry-After</c>, ends its open SSE streams with a final event that carries an
/// id (the client resumes with <c>Last-Event-ID</c> on another replica), and keeps listening, still refusing, for
/// <see cref="Delay"/> before the listener closes and the process exits. See docs/reliability.md, "Shutdown".
/// </summary>
public sealed class GatewayDrainOptions
{
    /// <summary>The configuration section, under <c>TaskActors:Gateway</c>.</summary>
    public const string SectionName = "Drain";

    /// <summary>
    /// How long the draining gateway keeps answering 503 before it stops listening, so that a load balancer that has not
    /// yet noticed the stop sends a retrying client elsewhere rather than to a closed port. Default 2 s; 0 closes the
    /// listener as soon as the streams have ended (a Kubernetes <c>preStop</c> sleep already covers the switch).
    /// </summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(2);
}
