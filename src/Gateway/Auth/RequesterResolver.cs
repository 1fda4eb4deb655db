using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace TaskActors.Gateway.Auth;

/// <summary>Resolves requesters with the resolver of the configured <see cref="AuthMode"/>.</summary>
internal sealed class RequesterResolver(IOptions<GatewayAuthOptions> options, AnonymousRequesterResolver anonymous, JwtRequesterResolver jwt) : IRequesterResolver
{
    public ValueTask<RequesterResolution> ResolveAsync(HttpContext context) =>
        options.Value.Mode == AuthMode.Jwt ? jwt.ResolveAsync(context) : anonymous.ResolveAsync(context);
}
