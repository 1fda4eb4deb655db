using Microsoft.AspNetCore.Http;

namespace TaskActors.Gateway.Auth;

/// <summary>Identifies the requester of an HTTP request, or refuses it.</summary>
internal interface IRequesterResolver
{
    ValueTask<RequesterResolution> ResolveAsync(HttpContext context);
}
