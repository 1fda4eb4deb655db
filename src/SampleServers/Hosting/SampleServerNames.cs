namespace TaskActors.SampleServers.Hosting;

/// <summary>The names the sample servers are hosted under, for tests and clients that address them.</summary>
public static class SampleServerNames
{
    /// <summary>The top-level server: conformance fixtures and task fixtures.</summary>
    public const string Samples = "samples";

    /// <summary>The prefix the child server is mounted under; its tools appear as <c>child_name</c>.</summary>
    public const string ChildPrefix = "child";

    /// <summary>The child server's path.</summary>
    public const string ChildPath = Samples + "/" + ChildPrefix;
}
