using Json.Schema;

namespace TaskActors.Gateway.Validation;

/// <summary>
/// Turns JsonSchema.Net's hierarchical results into short messages, each naming the failing instance location as a JSON
/// Pointer (<c>/items/0/name: ...</c>). Only failures that make the whole instance fail are named: a failed branch of an
/// <c>anyOf</c> that another branch satisfies, an <c>if</c> that did not match, or an item that <c>contains</c> did not
/// count are not violations.
/// </summary>
internal static class SchemaViolations
{
    /// <summary>How many violations are listed; more are counted in one last line.</summary>
    public const int MaxListed = 10;

    /// <summary>How the instance's root is named (its JSON Pointer is empty).</summary>
    public const string Root = "(root)";

    private const int MaxMessageLength = 300;

    /// <summary>The violations of an instance the schema rejected.</summary>
    public static IReadOnlyList<string> Collect(EvaluationResults results)
    {
        var found = new List<string>();
        Walk(results, Location(results), found);
        if (found.Count == 0)
        {
            found.Add($"{Root}: does not match the schema.");
        }

        return found.Count <= MaxListed ? found : [.. found.Take(MaxListed), $"... and {found.Count - MaxListed} more violations."];
    }

    private static void Walk(EvaluationResults node, string location, List<string> found)
    {
        if (node.IsValid)
        {
            return;
        }

        foreach (var (keyword, message) in node.Errors ?? [])
        {
            Add(found, location, keyword.Length == 0 ? $"no value is allowed here (the schema at {Pointer(node.EvaluationPath.ToString())} is false)." : message);
        }

        var children = node.Details ?? [];
        var prefixItems = children.Count(c => Keyword(node, c) == "prefixItems");
        foreach (var group in children.GroupBy(c => Keyword(node, c)))
        {
            WalkKeyword(node, group.Key, [.. group], location, prefixItems, found);
        }
    }

    private static void WalkKeyword(EvaluationResults node, string keyword, List<EvaluationResults> children, string location, int prefixItems, List<string> found)
    {
        var valid = children.Count(c => c.IsValid);
        switch (keyword)
        {
            case "if" or "contains":
                // A condition, and a count the parent reports itself: neither one's failures are violations.
                return;
            case "not":
                if (valid > 0)
                {
                    Add(found, location, "must not match the schema under \"not\".");
                }

                return;
            case "anyOf" when valid > 0:
            case "oneOf" when valid == 1:
                return;
            case "anyOf" or "oneOf" when valid == 0:
                Add(found, location, $"matches none of the schemas under \"{keyword}\":");
                break;
            case "oneOf":
                Add(found, location, $"matches {valid} of the schemas under \"oneOf\"; exactly one must match.");
                return;
        }

        foreach (var child in children)
        {
            Walk(child, ChildLocation(node, child, keyword, location, prefixItems), found);
        }
    }

    /// <summary>
    /// The location to name for a child. JsonSchema.Net 8.0.5 reports an <c>items</c> failure after <c>prefixItems</c>
    /// at the item's index less the number of prefix items; this puts the index back.
    /// </summary>
    private static string ChildLocation(EvaluationResults node, EvaluationResults child, string keyword, string location, int prefixItems)
    {
        var childLocation = Location(child);
        if (keyword != "items" || prefixItems == 0 || child.InstanceLocation.SegmentCount != node.InstanceLocation.SegmentCount + 1)
        {
            return childLocation;
        }

        var reported = child.InstanceLocation[child.InstanceLocation.SegmentCount - 1].ToString();
        return int.TryParse(reported, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            ? $"{(location == Root ? string.Empty : location)}/{index + prefixItems}"
            : childLocation;
    }

    private static string Keyword(EvaluationResults parent, EvaluationResults child) =>
        child.EvaluationPath.SegmentCount > parent.EvaluationPath.SegmentCount
            ? child.EvaluationPath[parent.EvaluationPath.SegmentCount].ToString()
            : string.Empty;

    private static string Location(EvaluationResults node) => Pointer(node.InstanceLocation.ToString());

    private static string Pointer(string pointer) => pointer.Length == 0 ? Root : pointer;

    private static void Add(List<string> found, string location, string message)
    {
        var line = $"{location}: {message}";
        found.Add(line.Length <= MaxMessageLength ? line : string.Concat(line.AsSpan(0, MaxMessageLength), "..."));
    }
}
