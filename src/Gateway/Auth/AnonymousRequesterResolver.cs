using Microsoft.AspNetCore.Http;

namespace TaskActors.Gateway.Auth;

/// <summary>Every request is anonymous (the development default).</summary>
internal sealed class AnonymousRequesterResolver : IRequesterResolver
{
    private static readonly RequesterResolution Anonymous = RequesterResolution.Accept(Requester.Anonymous);

    public ValueTask<RequesterResolution> ResolveAsync(HttpContext context) => ValueTask.FromResult(Anonymous);
}
