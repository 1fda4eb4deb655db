using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace TaskActors.Gateway.Auth;

/// <summary>Configures ASP.NET Core's JwtBearer handler from <see cref="GatewayAuthOptions"/>.</summary>
internal sealed class JwtBearerOptionsSetup(IOptions<GatewayAuthOptions> auth) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(JwtBearerOptions options) => Configure(JwtBearerDefaults.AuthenticationScheme, options);

    public void Configure(string? name, JwtBearerOptions options)
    {
        var settings = auth.Value;
        if (name != JwtBearerDefaults.AuthenticationScheme || settings.Mode != AuthMode.Jwt)
        {
            return;
        }

        // Keep claim names as issued (sub, scope, client_id), not the WS-* URIs.
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = settings.ClockSkew,
            NameClaimType = "sub",
        };
        if (!string.IsNullOrWhiteSpace(settings.Authority))
        {
            options.Authority = settings.Authority;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        }
        else if (!string.IsNullOrWhiteSpace(settings.JwksUri))
        {
            options.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                settings.JwksUri,
                new JwksRetriever(),
                new HttpDocumentRetriever { RequireHttps = settings.RequireHttpsMetadata });
        }
        else
        {
            var json = settings.Jwks ?? File.ReadAllText(settings.JwksFile!);
            options.TokenValidationParameters.IssuerSigningKeys = new JsonWebKeySet(json).GetSigningKeys();
        }
    }
}
