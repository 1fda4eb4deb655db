using Microsoft.AspNetCore.Http;

namespace TaskActors.Gateway.Auth;

/// <summary>Every request is anonymous (the development default).</summary>
internal sealed class AnonymousRequesterResolver : IRequesterResolver
{
    public Requester Resolve(HttpContext context) => Requester.Anonymous;
}
