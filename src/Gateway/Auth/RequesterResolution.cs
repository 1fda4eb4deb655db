namespace TaskActors.Gateway.Auth;

/// <summary>Who a request comes from, or the challenge that refuses it (401 without or with a bad token, 403 without a required scope).</summary>
internal sealed record RequesterResolution(Requester? Requester, int Status = 0, string? Error = null, string? Description = null)
{
    public bool IsRefused => Requester is null;

    public static RequesterResolution Accept(Requester requester) => new(requester);

    public static RequesterResolution Unauthenticated(string? error = null, string? description = null) => new(null, 401, error, description);

    public static RequesterResolution Forbidden(string description) => new(null, 403, "insufficient_scope", description);
}
