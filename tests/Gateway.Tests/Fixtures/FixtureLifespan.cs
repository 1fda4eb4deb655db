namespace TaskActors.Gateway.Tests.Fixtures;

/// <summary>The fixture server's lifespan state.</summary>
public sealed record FixtureLifespan(string Name);
