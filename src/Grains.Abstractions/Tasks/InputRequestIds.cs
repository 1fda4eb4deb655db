using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>
/// The JSON-RPC ids of input requests a task sends to its client. An id names the task grain it came from, so any
/// gateway replica routes the client's answer straight to that grain (which checks the answering principal).
/// </summary>
public static class InputRequestIds
{
    private const string Prefix = "ti.";

    /// <summary>The id of the <paramref name="number"/>th input request of the task grain with key <paramref name="taskGrainKey"/>.</summary>
    public static string Format(string taskGrainKey, int number) =>
        $"{Prefix}{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(taskGrainKey))}.{number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Extracts the task grain key from an input request id; false for ids this service did not issue.</summary>
    public static bool TryParse(string? requestId, out string taskGrainKey)
    {
        taskGrainKey = string.Empty;
        if (requestId is null || !requestId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var dot = requestId.LastIndexOf('.');
        if (dot <= Prefix.Length || !int.TryParse(requestId.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        try
        {
            taskGrainKey = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(requestId.AsSpan(Prefix.Length, dot - Prefix.Length)));
            return taskGrainKey.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
