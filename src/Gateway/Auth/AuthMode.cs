namespace TaskActors.Gateway.Auth;

/// <summary>How the gateway identifies requesters.</summary>
public enum AuthMode
{
    /// <summary>Every request is anonymous (the development default): one shared scope, unguessable task ids.</summary>
    Anonymous,

    /// <summary>OAuth 2.1 resource server: bearer JWTs are validated; anonymous requests only if <see cref="GatewayAuthOptions.AllowAnonymous"/>.</summary>
    Jwt,
}
