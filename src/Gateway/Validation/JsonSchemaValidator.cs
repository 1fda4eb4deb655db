using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TaskActors.Gateway.Validation;

/// <summary>
/// Checks tool arguments against a tool's input schema before any task exists. It covers the JSON Schema keywords tool
/// schemas use: type (and type arrays), properties, required, additionalProperties, enum, const, items, prefixItems,
/// min/max (exclusive too), minLength/maxLength, pattern, minItems/maxItems, anyOf/oneOf/allOf/not and local
/// <c>$ref</c> (<c>#/$defs/...</c>, <c>#/definitions/...</c>). Unknown keywords are ignored, as the spec says.
/// </summary>
internal static class JsonSchemaValidator
{
    private const int MaxDepth = 32;

    /// <summary>Returns the first few violations (path and reason), or none.</summary>
    public static IReadOnlyList<string> Validate(JsonElement schema, JsonElement instance)
    {
        var errors = new List<string>();
        Check(schema, schema, instance, "$", errors, 0);
        return errors;
    }

    private static void Check(JsonElement root, JsonElement schema, JsonElement value, string path, List<string> errors, int depth)
    {
        if (errors.Count >= 5 || depth > MaxDepth)
        {
            return;
        }

        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add($"{path}: no value is allowed here.");
            return;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String && Resolve(root, reference.GetString()!) is { } target)
        {
            Check(root, target, value, path, errors, depth + 1);
        }

        if (schema.TryGetProperty("type", out var type) && !MatchesType(type, value))
        {
            errors.Add($"{path}: expected {Describe(type)}, got {Kind(value)}.");
            return;
        }

        if (schema.TryGetProperty("enum", out var options) && options.ValueKind == JsonValueKind.Array && !options.EnumerateArray().Any(o => JsonElement.DeepEquals(o, value)))
        {
            errors.Add($"{path}: must be one of {options.GetRawText()}.");
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            errors.Add($"{path}: must be {constant.GetRawText()}.");
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                CheckObject(root, schema, value, path, errors, depth);
                break;
            case JsonValueKind.Array:
                CheckArray(root, schema, value, path, errors, depth);
                break;
            case JsonValueKind.String:
                CheckString(schema, value.GetString()!, path, errors);
                break;
            case JsonValueKind.Number:
                CheckNumber(schema, value.GetDouble(), path, errors);
                break;
        }

        CheckCombinators(root, schema, value, path, errors, depth);
    }

    private static void CheckObject(JsonElement root, JsonElement schema, JsonElement value, string path, List<string> errors, int depth)
    {
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.String).Select(n => n.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    errors.Add($"{path}: missing required property \"{name}\".");
                }
            }
        }

        var properties = schema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var additional = schema.TryGetProperty("additionalProperties", out var a) ? a : default;
        foreach (var property in value.EnumerateObject())
        {
            var childPath = $"{path}.{property.Name}";
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(root, propertySchema, property.Value, childPath, errors, depth + 1);
            }
            else if (additional.ValueKind == JsonValueKind.False)
            {
                errors.Add($"{path}: unexpected property \"{property.Name}\".");
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                Check(root, additional, property.Value, childPath, errors, depth + 1);
            }
        }
    }

    private static void CheckArray(JsonElement root, JsonElement schema, JsonElement value, string path, List<string> errors, int depth)
    {
        var length = value.GetArrayLength();
        if (schema.TryGetProperty("minItems", out var min) && min.TryGetInt32(out var minItems) && length < minItems)
        {
            errors.Add($"{path}: needs at least {minItems} items.");
        }

        if (schema.TryGetProperty("maxItems", out var max) && max.TryGetInt32(out var maxItems) && length > maxItems)
        {
            errors.Add($"{path}: allows at most {maxItems} items.");
        }

        var prefix = schema.TryGetProperty("prefixItems", out var prefixItems) && prefixItems.ValueKind == JsonValueKind.Array ? prefixItems.EnumerateArray().ToList() : [];
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemSchema = index < prefix.Count ? prefix[index] : schema.TryGetProperty("items", out var items) ? items : default;
            if (itemSchema.ValueKind is JsonValueKind.Object or JsonValueKind.False)
            {
                Check(root, itemSchema, item, $"{path}[{index}]", errors, depth + 1);
            }

            index++;
        }
    }

    private static void CheckString(JsonElement schema, string text, string path, List<string> errors)
    {
        var length = new StringInfo(text).LengthInTextElements;
        if (schema.TryGetProperty("minLength", out var min) && min.TryGetInt32(out var minLength) && length < minLength)
        {
            errors.Add($"{path}: needs at least {minLength} characters.");
        }

        if (schema.TryGetProperty("maxLength", out var max) && max.TryGetInt32(out var maxLength) && length > maxLength)
        {
            errors.Add($"{path}: allows at most {maxLength} characters.");
        }

        if (schema.TryGetProperty("pattern", out var pattern) && pattern.ValueKind == JsonValueKind.String)
        {
            try
            {
                if (!Regex.IsMatch(text, pattern.GetString()!, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)))
                {
                    errors.Add($"{path}: does not match the pattern {pattern.GetString()}.");
                }
            }
            catch (ArgumentException)
            {
                // An invalid pattern in a tool's own schema does not reject the caller's input.
            }
            catch (RegexMatchTimeoutException)
            {
                errors.Add($"{path}: could not be checked against its pattern in time.");
            }
        }
    }

    private static void CheckNumber(JsonElement schema, double number, string path, List<string> errors)
    {
        if (schema.TryGetProperty("minimum", out var min) && min.TryGetDouble(out var minimum) && number < minimum)
        {
            errors.Add($"{path}: must be at least {minimum.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (schema.TryGetProperty("maximum", out var max) && max.TryGetDouble(out var maximum) && number > maximum)
        {
            errors.Add($"{path}: must be at most {maximum.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (schema.TryGetProperty("exclusiveMinimum", out var xmin) && xmin.TryGetDouble(out var exclusiveMinimum) && number <= exclusiveMinimum)
        {
            errors.Add($"{path}: must be greater than {exclusiveMinimum.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (schema.TryGetProperty("exclusiveMaximum", out var xmax) && xmax.TryGetDouble(out var exclusiveMaximum) && number >= exclusiveMaximum)
        {
            errors.Add($"{path}: must be less than {exclusiveMaximum.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    private static void CheckCombinators(JsonElement root, JsonElement schema, JsonElement value, string path, List<string> errors, int depth)
    {
        if (schema.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array)
        {
            foreach (var part in allOf.EnumerateArray())
            {
                Check(root, part, value, path, errors, depth + 1);
            }
        }

        if (schema.TryGetProperty("anyOf", out var anyOf) && anyOf.ValueKind == JsonValueKind.Array && !anyOf.EnumerateArray().Any(s => Matches(root, s, value, depth)))
        {
            errors.Add($"{path}: matches none of the allowed schemas.");
        }

        if (schema.TryGetProperty("oneOf", out var oneOf) && oneOf.ValueKind == JsonValueKind.Array && oneOf.EnumerateArray().Count(s => Matches(root, s, value, depth)) != 1)
        {
            errors.Add($"{path}: must match exactly one of the allowed schemas.");
        }

        if (schema.TryGetProperty("not", out var not) && Matches(root, not, value, depth))
        {
            errors.Add($"{path}: matches a schema it must not match.");
        }
    }

    private static bool Matches(JsonElement root, JsonElement schema, JsonElement value, int depth)
    {
        var errors = new List<string>();
        Check(root, schema, value, "$", errors, depth + 1);
        return errors.Count == 0;
    }

    private static JsonElement? Resolve(JsonElement root, string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        var current = root;
        foreach (var segment in reference[2..].Split('/'))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }

    private static bool MatchesType(JsonElement type, JsonElement value) => type.ValueKind switch
    {
        JsonValueKind.String => IsType(type.GetString()!, value),
        JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && IsType(t.GetString()!, value)),
        _ => true,
    };

    private static bool IsType(string type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && Math.Floor(d) == d,
        _ => true,
    };

    private static string Describe(JsonElement type) =>
        type.ValueKind == JsonValueKind.Array ? string.Join(" or ", type.EnumerateArray().Select(t => t.GetString())) : type.GetString() ?? "a value";

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => "number",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };
}
