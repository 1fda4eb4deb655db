namespace TaskActors.Cli.Commands;

/// <summary>Where the development key lives and the defaults it is used with.</summary>
internal static class DevKeyFiles
{
    public const string DefaultDirectory = ".taskactors";
    public const string PrivateKeyFile = "dev-signing-key.json";
    public const string JwksFile = "dev-jwks.json";
    public const string DefaultIssuer = "https://dev.taskactors.local";
    public const string DefaultAudience = "http://127.0.0.1:5080/mcp";
}
