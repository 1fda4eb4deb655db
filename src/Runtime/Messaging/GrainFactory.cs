using System.Reflection;
using TaskActors.Runtime.Abstractions.Core;
using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Metadata;

namespace TaskActors.Runtime.Messaging;

/// <summary>Creates grain references; no call is made until a method of the reference is called.</summary>
internal sealed class GrainFactory(GrainMetadataRegistry metadata, GrainCallInvoker invoker) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        var grainInterface = metadata.GetInterface(typeof(TGrainInterface));
        var grainType = grainInterface.GrainType ?? throw new InvalidOperationException($"{typeof(TGrainInterface).Name} names no grain type.");
        return Create<TGrainInterface>(grainInterface, new GrainId(grainType, key));
    }

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IGrain =>
        Create<TGrainInterface>(metadata.GetInterface(typeof(TGrainInterface)), grainId);

    private TGrainInterface Create<TGrainInterface>(GrainInterfaceMetadata grainInterface, GrainId grainId)
    {
        var proxy = DispatchProxy.Create<TGrainInterface, GrainReference>();
        ((GrainReference)(object)proxy!).Initialize(invoker, grainInterface, grainId);
        return proxy;
    }
}
