using TaskActors.Runtime.Abstractions.Identity;

namespace TaskActors.Runtime.Abstractions.Core;

/// <summary>Creates references to grains. A reference is cheap; the grain is activated on its first call.</summary>
public interface IGrainFactory
{
    /// <summary>Returns a reference to the grain of interface <typeparamref name="TGrainInterface"/> with the given key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey;

    /// <summary>Returns a reference, typed as <typeparamref name="TGrainInterface"/>, to the grain with the given id.</summary>
    TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IGrain;
}
