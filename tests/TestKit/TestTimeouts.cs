namespace TaskActors.TestKit;

/// <summary>Upper bounds for waits in tests: generous, because they only decide how long a broken test takes to fail.</summary>
public static class TestTimeouts
{
    /// <summary>For anything that should happen promptly.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(30);

    /// <summary>For failure detection and recovery in a cluster.</summary>
    public static readonly TimeSpan Recovery = TimeSpan.FromSeconds(60);

    /// <summary>The most any one test may take; past it the test is cancelled (see <see cref="LoggedTest"/>).</summary>
    public static readonly TimeSpan WholeTest = TimeSpan.FromMinutes(3);
}
