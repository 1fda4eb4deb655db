namespace TaskActors.Runtime.Persistence;

/// <summary>A persistent state the activation reads before <c>OnActivateAsync</c>.</summary>
internal interface IGrainStateLoader
{
    Task LoadAsync(CancellationToken cancellationToken);
}
