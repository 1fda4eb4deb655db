using System.Text.Json.Serialization;

namespace TaskActors.Runtime.Messaging;

/// <summary>An exception thrown by a grain, as it travels back to the caller.</summary>
/// <param name="Type">The full name of the exception type.</param>
/// <param name="Message">The exception message.</param>
/// <param name="StackTrace">The stack trace in the silo, for diagnostics.</param>
internal sealed record RemoteExceptionInfo(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("stackTrace")] string? StackTrace);
