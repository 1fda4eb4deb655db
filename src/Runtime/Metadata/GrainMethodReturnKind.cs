namespace TaskActors.Runtime.Metadata;

/// <summary>The awaitable a grain method returns.</summary>
internal enum GrainMethodReturnKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}
