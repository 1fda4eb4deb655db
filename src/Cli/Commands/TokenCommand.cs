using System.CommandLine;
using TaskActors.Gateway.Auth.Development;

namespace TaskActors.Cli.Commands;

/// <summary><c>token mint</c>: an access token signed with the local development key.</summary>
internal static class TokenCommand
{
    public static Command Create()
    {
        var directory = new Option<DirectoryInfo>("--dir") { Description = "Where the key files are.", DefaultValueFactory = _ => new DirectoryInfo(DevKeyFiles.DefaultDirectory) };
        var clientId = new Option<string>("--client-id") { Description = "The OAuth client (client_id claim).", Required = true };
        var subject = new Option<string?>("--sub") { Description = "The user (sub claim); omit for a client-credentials token." };
        var scopes = new Option<string[]>("--scope") { Description = "A granted scope (repeatable).", AllowMultipleArgumentsPerToken = true };
        var lifetime = new Option<TimeSpan>("--lifetime") { Description = "How long the token is valid (e.g. 00:05:00).", DefaultValueFactory = _ => TimeSpan.FromHours(1) };
        var issuer = new Option<string>("--issuer") { Description = "The iss claim.", DefaultValueFactory = _ => DevKeyFiles.DefaultIssuer };
        var audience = new Option<string>("--audience") { Description = "The aud claim: the gateway's resource URI.", DefaultValueFactory = _ => DevKeyFiles.DefaultAudience };
        var mint = new Command("mint", "Prints an access token signed with the development key.") { directory, clientId, subject, scopes, lifetime, issuer, audience };
        mint.SetAction(parse =>
        {
            var path = Path.Combine(parse.GetValue(directory)!.FullName, DevKeyFiles.PrivateKeyFile);
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"No development key at {path}; run `dev-key create` first.");
                return 1;
            }

            if (parse.GetValue(lifetime) <= TimeSpan.Zero)
            {
                Console.Error.WriteLine("--lifetime must be positive.");
                return 1;
            }

            using var key = DevSigningKey.FromPrivateJson(File.ReadAllText(path));
            Console.WriteLine(key.MintToken(new DevTokenRequest
            {
                Issuer = parse.GetValue(issuer)!,
                Audience = parse.GetValue(audience)!,
                ClientId = parse.GetValue(clientId)!,
                Subject = parse.GetValue(subject),
                Scopes = parse.GetValue(scopes) ?? [],
                Lifetime = parse.GetValue(lifetime),
            }));
            return 0;
        });
        return new Command("token", "Access tokens for local testing.") { mint };
    }
}
