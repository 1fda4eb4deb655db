using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Servers;

/// <summary>Whether a tool may, must or must not run as a task (<c>execution.taskSupport</c>; absent means forbidden).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ToolTaskSupport>))]
public enum ToolTaskSupport
{
    /// <summary>Never as a task (the default).</summary>
    [JsonStringEnumMemberName("forbidden")]
    Forbidden,

    /// <summary>As a task or as a plain call.</summary>
    [JsonStringEnumMemberName("optional")]
    Optional,

    /// <summary>Only as a task.</summary>
    [JsonStringEnumMemberName("required")]
    Required,
}
