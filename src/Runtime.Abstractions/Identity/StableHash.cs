using System.Text;

namespace TaskActors.Runtime.Abstractions.Identity;

/// <summary>A string hash that is the same in every process and run (FNV-1a, 32 bit, over UTF-8).</summary>
/// <remarks><see cref="string.GetHashCode()"/> is randomized per process, so it cannot place things consistently across silos.</remarks>
internal static class StableHash
{
    public static uint Compute(string text)
    {
        const uint offsetBasis = 2166136261;
        const uint prime = 16777619;
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetMaxByteCount(text.Length) <= buffer.Length
            ? buffer[..Encoding.UTF8.GetBytes(text, buffer)]
            : Encoding.UTF8.GetBytes(text);
        var hash = offsetBasis;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * prime;
        }

        return hash;
    }
}
