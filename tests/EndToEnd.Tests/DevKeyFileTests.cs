using System.Runtime.Versioning;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.EndToEnd.Tests;

/// <summary><c>taskactors dev-key create</c> writes the private key readable by its owner only.</summary>
public sealed class DevKeyFileTests : LoggedTest, IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly DirectoryInfo _keys = Directory.CreateTempSubdirectory("taskactors-dev-key-mode-");

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task PrivateKeyFile_IsOwnerOnly_WhenCreatedAndWhenReplaced()
    {
        var privateKey = Path.Combine(_keys.FullName, "dev-signing-key.json");

        await CliProcess.RunAsync(["dev-key", "create", "--dir", _keys.FullName], TestCancellation);
        var created = File.GetUnixFileMode(privateKey);
        var firstKey = await File.ReadAllTextAsync(privateKey, TestCancellation);
        File.SetUnixFileMode(privateKey, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        await CliProcess.RunAsync(["dev-key", "create", "--dir", _keys.FullName, "--force"], TestCancellation);
        var replaced = File.GetUnixFileMode(privateKey);

        Assert.Equal(OwnerOnly, created);
        Assert.Equal(OwnerOnly, replaced);
        Assert.NotEqual(firstKey, await File.ReadAllTextAsync(privateKey, TestCancellation));
    }

    public void Dispose() => _keys.Delete(recursive: true);
}
