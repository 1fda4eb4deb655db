using TaskActors.Grains.Abstractions.Sessions;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Gateway.Auth;

/// <summary>Who sent an HTTP request: the principal (and its scope) and, when authenticated, the access token.</summary>
/// <param name="Principal">The principal; its scope binds sessions and tasks.</param>
/// <param name="AccessToken">The token snapshot, for authenticated requests.</param>
internal sealed record Requester(SessionPrincipal Principal, AccessTokenSnapshot? AccessToken)
{
    /// <summary>The anonymous requester.</summary>
    public static readonly Requester Anonymous = new(new SessionPrincipal { Scope = TaskScopes.Anonymous }, null);

    public string Scope => Principal.Scope;

    /// <summary>Whether <paramref name="other"/> is the same principal (same issuer, client and subject).</summary>
    public bool IsSamePrincipal(SessionPrincipal other) =>
        other.Scope == Principal.Scope && other.Issuer == Principal.Issuer && other.ClientId == Principal.ClientId && other.Subject == Principal.Subject;
}
