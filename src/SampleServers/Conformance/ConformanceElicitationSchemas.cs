using ModelContextProtocol.Protocol;

namespace TaskActors.SampleServers.Conformance;

/// <summary>
/// The forms the conformance elicitation tools send. The suite parses them with the TS SDK's schema union, which keeps
/// the first branch that matches and strips unknown keys, so each property has exactly one of the spec's shapes.
/// </summary>
internal static class ConformanceElicitationSchemas
{
    /// <summary><c>test_elicitation</c>: a username and an email, both required.</summary>
    public static ElicitRequestParams.RequestSchema UserInfo() => new()
    {
        Properties =
        {
            ["username"] = new ElicitRequestParams.StringSchema { Description = "User's response" },
            ["email"] = new ElicitRequestParams.StringSchema { Description = "User's email address" },
        },
        Required = ["username", "email"],
    };

    /// <summary><c>test_elicitation_sep1034_defaults</c>: one property of each primitive type, each with a default (SEP-1034).</summary>
    public static ElicitRequestParams.RequestSchema PrimitiveDefaults() => new()
    {
        Properties =
        {
            ["name"] = new ElicitRequestParams.StringSchema { Description = "User name", Default = "John Doe" },
            ["age"] = new ElicitRequestParams.NumberSchema { Type = "integer", Description = "User age", Default = 30 },
            ["score"] = new ElicitRequestParams.NumberSchema { Description = "User score", Default = 95.5 },
            ["status"] = new ElicitRequestParams.UntitledSingleSelectEnumSchema
            {
                Description = "User status",
                Enum = ["active", "inactive", "pending"],
                Default = "active",
            },
            ["verified"] = new ElicitRequestParams.BooleanSchema { Description = "Verification status", Default = true },
        },
        Required = [],
    };

    /// <summary><c>test_elicitation_sep1330_enums</c>: the five enum shapes of SEP-1330.</summary>
    public static ElicitRequestParams.RequestSchema Enums() => new()
    {
        Properties =
        {
            ["untitledSingle"] = new ElicitRequestParams.UntitledSingleSelectEnumSchema
            {
                Description = "Select one option",
                Enum = ["option1", "option2", "option3"],
            },
            ["titledSingle"] = new ElicitRequestParams.TitledSingleSelectEnumSchema
            {
                Description = "Select one option with titles",
                OneOf = [Option("value1", "First Option"), Option("value2", "Second Option"), Option("value3", "Third Option")],
            },
            ["legacyEnum"] = LegacyEnum(),
            ["untitledMulti"] = new ElicitRequestParams.UntitledMultiSelectEnumSchema
            {
                Description = "Select multiple options",
                MinItems = 1,
                MaxItems = 3,
                Items = new ElicitRequestParams.UntitledEnumItemsSchema { Enum = ["option1", "option2", "option3"] },
            },
            ["titledMulti"] = new ElicitRequestParams.TitledMultiSelectEnumSchema
            {
                Description = "Select multiple options with titles",
                MinItems = 1,
                MaxItems = 3,
                Items = new ElicitRequestParams.TitledEnumItemsSchema
                {
                    AnyOf = [Option("value1", "First Choice"), Option("value2", "Second Choice"), Option("value3", "Third Choice")],
                },
            },
        },
        Required = [],
    };

    private static ElicitRequestParams.EnumSchemaOption Option(string value, string title) => new() { Const = value, Title = title };

    // The suite checks that the deprecated enumNames shape still reaches clients, so this is the one place it is used.
#pragma warning disable MCP9001
    private static ElicitRequestParams.LegacyTitledEnumSchema LegacyEnum() => new()
    {
        Description = "Select one option (legacy)",
        Enum = ["opt1", "opt2", "opt3"],
        EnumNames = ["Option One", "Option Two", "Option Three"],
    };
#pragma warning restore MCP9001
}
