namespace TaskActors.Runtime.Abstractions.Core;

/// <summary>A grain interface whose grains are identified by a string key.</summary>
public interface IGrainWithStringKey : IGrain;
