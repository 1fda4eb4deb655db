using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Sessions;

/// <summary>What a long-poll of the session's stream found.</summary>
/// <param name="Found">False when the session does not exist or was terminated.</param>
/// <param name="Messages">Messages after the cursor, in order.</param>
/// <param name="NextSequence">The cursor for the next poll.</param>
/// <param name="Conflict">True when another stream owns the session's standalone stream.</param>
public sealed record SessionPollResult(
    [property: JsonPropertyName("found")] bool Found,
    [property: JsonPropertyName("messages")] IReadOnlyList<SessionMessage> Messages,
    [property: JsonPropertyName("next")] long NextSequence,
    [property: JsonPropertyName("conflict")] bool Conflict = false);
