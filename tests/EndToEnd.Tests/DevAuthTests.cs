using TaskActors.TestKit;
using Xunit;

namespace TaskActors.EndToEnd.Tests;

/// <summary>
/// The local auth flow the docs give, through the real binaries: <c>taskactors dev-key create</c>, the Silo as a resource
/// server trusting that key, tokens from <c>taskactors token mint</c>, checked by the official TS SDK client.
/// </summary>
public sealed class DevAuthTests : LoggedTest, IDisposable
{
    private const string Issuer = "https://dev.taskactors.local";
    private readonly DirectoryInfo _keys = Directory.CreateTempSubdirectory("taskactors-dev-key-");

    [Fact]
    public async Task DevKeyTokens_AuthenticateAndIsolateUsers_OnTheRealSilo()
    {
        await CliProcess.RunAsync(["dev-key", "create", "--dir", _keys.FullName], TestCancellation);
        var jwks = Path.Combine(_keys.FullName, "dev-jwks.json");
        await using var silo = await SiloProcess.StartAsync(TestCancellation, (port, environment) =>
        {
            environment["TaskActors__Auth__Mode"] = "Jwt";
            environment["TaskActors__Auth__Issuer"] = Issuer;
            environment["TaskActors__Auth__Audience"] = $"http://127.0.0.1:{port}/mcp";
            environment["TaskActors__Auth__JwksFile"] = jwks;
        });

        var alice = await MintAsync(silo.McpUrl, "alice");
        var bob = await MintAsync(silo.McpUrl, "bob");
        var aliceAgain = await MintAsync(silo.McpUrl, "alice");
        var (exitCode, output) = await NodeScript.RunAsync(["auth-client.mjs", silo.McpUrl, alice, bob, aliceAgain], TimeSpan.FromMinutes(2), TestCancellation);

        Output.WriteLine(output);
        Assert.True(exitCode == 0 && output.Contains("ALL OK", StringComparison.Ordinal), $"auth-client.mjs failed (exit {exitCode}):\n{output}\nSilo output:\n{silo.Output}");
    }

    public void Dispose() => _keys.Delete(recursive: true);

    private Task<string> MintAsync(string audience, string subject) =>
        CliProcess.RunAsync(["token", "mint", "--dir", _keys.FullName, "--client-id", "e2e-client", "--sub", subject, "--issuer", Issuer, "--audience", audience], TestCancellation);
}
