using System.Text.Json;
using TaskActors.Gateway.Protocol;

namespace TaskActors.Gateway.Handlers;

/// <summary>Checks a message's params against the types <see cref="McpParams"/> gives its method, once, before a handler reads them.</summary>
internal static class ParamsCheck
{
    /// <summary>The refusal of the first parameter of the wrong type (naming it), or null when every parameter fits.</summary>
    public static MalformedParamsReply? Check(string method, JsonElement parameters)
    {
        foreach (var param in McpParams.Of(method))
        {
            if (Check(parameters, param, param.Path.Split('.'), string.Empty) is { } problem)
            {
                return new MalformedParamsReply($"Invalid params: {problem}.");
            }
        }

        return null;
    }

    private static string? Check(JsonElement holder, McpParam param, ReadOnlySpan<string> parts, string prefix)
    {
        // A holder of the wrong type (or absent) is its own parameter's problem, reported by its own rule.
        if (holder.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var name = parts[0];
        if (name == "*")
        {
            foreach (var member in holder.EnumerateObject())
            {
                if (CheckValue(member.Value, param, parts[1..], prefix + member.Name) is { } problem)
                {
                    return problem;
                }
            }

            return null;
        }

        if (!holder.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return parts.Length == 1 && param.Required ? $"\"{prefix}{name}\" is required: {Expected(param.Type)}" : null;
        }

        return CheckValue(value, param, parts[1..], prefix + name);
    }

    private static string? CheckValue(JsonElement value, McpParam param, ReadOnlySpan<string> rest, string path)
    {
        if (rest.Length > 0)
        {
            return Check(value, param, rest, path + ".");
        }

        return Fits(value, param.Type) ? null : $"\"{path}\" must be {Expected(param.Type)}";
    }

    private static bool Fits(JsonElement value, McpParamType type) => type switch
    {
        McpParamType.String => value.ValueKind == JsonValueKind.String,
        McpParamType.Object => value.ValueKind == JsonValueKind.Object,
        McpParamType.StringOrNumber => value.ValueKind is JsonValueKind.String or JsonValueKind.Number,
        McpParamType.Milliseconds => Tasks.TaskTtl.IsWellFormed(value),
        _ => false,
    };

    private static string Expected(McpParamType type) => type switch
    {
        McpParamType.String => "a string",
        McpParamType.Object => "an object",
        McpParamType.StringOrNumber => "a string or a number",
        McpParamType.Milliseconds => Tasks.TaskTtl.Expected,
        _ => type.ToString(),
    };
}
