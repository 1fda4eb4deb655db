using System.CommandLine;
using TaskActors.Gateway.Auth.Development;

namespace TaskActors.Cli.Commands;

/// <summary><c>dev-key create</c>: a local signing key and the JWKS the gateway trusts.</summary>
internal static class DevKeyCommand
{
    public static Command Create()
    {
        var directory = new Option<DirectoryInfo>("--dir") { Description = "Where to write the key files.", DefaultValueFactory = _ => new DirectoryInfo(DevKeyFiles.DefaultDirectory) };
        var force = new Option<bool>("--force") { Description = "Replace an existing key." };
        var create = new Command("create", "Creates a local ES256 signing key and its public JWKS.") { directory, force };
        create.SetAction(parse => Run(parse.GetValue(directory)!, parse.GetValue(force)));
        return new Command("dev-key", "A local signing key for trying auth without an authorization server.") { create };
    }

    private static int Run(DirectoryInfo directory, bool force)
    {
        var privatePath = Path.Combine(directory.FullName, DevKeyFiles.PrivateKeyFile);
        var jwksPath = Path.Combine(directory.FullName, DevKeyFiles.JwksFile);
        if (File.Exists(privatePath) && !force)
        {
            Console.Error.WriteLine($"{privatePath} exists; pass --force to replace it (tokens it signed stop working).");
            return 1;
        }

        directory.Create();
        using var key = DevSigningKey.Create();
        WritePrivate(privatePath, key.ToPrivateJson());
        File.WriteAllText(jwksPath, key.ToPublicJwks());
        Console.WriteLine($"Wrote {privatePath} (keep it private) and {jwksPath}.");
        Console.WriteLine("Run the silo as a resource server that trusts it:");
        Console.WriteLine($"  TaskActors__Auth__Mode=Jwt TaskActors__Auth__Issuer={DevKeyFiles.DefaultIssuer} TaskActors__Auth__Audience={DevKeyFiles.DefaultAudience} TaskActors__Auth__JwksFile={jwksPath} dotnet run --project src/Silo");
        Console.WriteLine("Then mint a token:");
        Console.WriteLine("  dotnet run --project src/Cli -- token mint --client-id demo --sub alice");
        return 0;
    }

    /// <summary>
    /// Writes the private key into a new file that is owner-only from the moment it exists (a replaced file is deleted
    /// first, since an existing file keeps its mode).
    /// </summary>
    private static void WritePrivate(string path, string json)
    {
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, options);
        writer.Write(json);
    }
}
