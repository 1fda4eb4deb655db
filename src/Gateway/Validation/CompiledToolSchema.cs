using Json.Schema;

namespace TaskActors.Gateway.Validation;

/// <summary>One tool schema, compiled once: the schema, or why it does not compile.</summary>
internal sealed class CompiledToolSchema
{
    private int _faultLogged;

    private CompiledToolSchema(JsonSchema? schema, string? fault)
    {
        Schema = schema;
        Fault = fault;
    }

    /// <summary>The compiled schema; null when it did not compile.</summary>
    public JsonSchema? Schema { get; }

    /// <summary>Why the schema did not compile; null when it did.</summary>
    public string? Fault { get; }

    /// <summary>A schema that compiled.</summary>
    public static CompiledToolSchema Compiled(JsonSchema schema) => new(schema, null);

    /// <summary>A schema that did not compile, and why.</summary>
    public static CompiledToolSchema Faulted(string fault) => new(null, fault);

    /// <summary>True for the first caller only, so a faulty schema is logged once however often it is called.</summary>
    public bool ClaimFaultLog() => Interlocked.Exchange(ref _faultLogged, 1) == 0;
}
