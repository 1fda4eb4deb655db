using Microsoft.AspNetCore.Http;

namespace TaskActors.Gateway.Auth;

/// <summary>Identifies the requester of an HTTP request (after authentication middleware has run).</summary>
internal interface IRequesterResolver
{
    Requester Resolve(HttpContext context);
}
