namespace TaskActors.EndToEnd.Tests;

/// <summary>The configuration this test assembly was built in, so it starts the Silo binary built alongside it.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class BuildConfigurationAttribute(string configuration) : Attribute
{
    public string Configuration { get; } = configuration;
}
