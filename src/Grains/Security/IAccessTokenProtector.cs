using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Grains.Security;

/// <summary>Encrypts access-token snapshots for storage in task state, so tokens are never at rest in the clear.</summary>
public interface IAccessTokenProtector
{
    /// <summary>Encrypts a snapshot with the current key.</summary>
    string Protect(AccessTokenSnapshot token);

    /// <summary>Decrypts a snapshot protected with any configured key.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The key is unknown, or the data is malformed or was tampered with.</exception>
    AccessTokenSnapshot Unprotect(string protectedToken);
}
