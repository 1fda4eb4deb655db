using System.Text;
using ModelContextProtocol.Protocol;

namespace TaskActors.SampleServers.Conformance;

/// <summary>The binary payloads of the conformance fixtures, as base64, and the content blocks that carry them.</summary>
internal static class ConformanceMedia
{
    /// <summary>A 1×1 RGBA PNG (70 bytes): the suite's image for tools, resources and prompts.</summary>
    public const string PngBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

    /// <summary>The PNG's media type.</summary>
    public const string PngMimeType = "image/png";

    /// <summary>A 44-byte RIFF/WAVE header (PCM 16-bit mono 8000 Hz, empty data chunk).</summary>
    public const string WavBase64 = "UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQIAAAA=";

    /// <summary>The WAV's media type; the suite requires exactly this one.</summary>
    public const string WavMimeType = "audio/wav";

    /// <summary>The PNG as an image content block.</summary>
    public static ImageContentBlock Image() => new() { Data = Encoding.UTF8.GetBytes(PngBase64), MimeType = PngMimeType };

    /// <summary>The WAV as an audio content block.</summary>
    public static AudioContentBlock Audio() => new() { Data = Encoding.UTF8.GetBytes(WavBase64), MimeType = WavMimeType };

    /// <summary>The PNG as the contents of the resource <paramref name="uri"/>.</summary>
    public static BlobResourceContents PngResource(string uri) => new() { Uri = uri, MimeType = PngMimeType, Blob = Encoding.UTF8.GetBytes(PngBase64) };
}
