using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace TaskActors.Silo.Dashboard;

/// <summary>
/// Guards every request under the dashboard's path. Without configured credentials it serves loopback clients only and
/// answers anyone else 404, as if there were no dashboard. With credentials it serves any client that passes HTTP basic
/// authentication and challenges the others with 401.
/// </summary>
internal sealed partial class DashboardAccessMiddleware
{
    private const string Challenge = "Basic realm=\"Orleans Dashboard\", charset=\"UTF-8\"";

    private readonly RequestDelegate _next;
    private readonly ILogger<DashboardAccessMiddleware> _logger;
    private readonly byte[]? _expected;

    public DashboardAccessMiddleware(RequestDelegate next, IOptions<SiloDashboardOptions> options, ILogger<DashboardAccessMiddleware> logger)
    {
        _next = next;
        _logger = logger;
        var settings = options.Value;
        _expected = settings.RequiresCredentials ? Digest($"{settings.Username}:{settings.Password}") : null;
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (_expected is null)
        {
            if (IsLoopback(context.Connection.RemoteIpAddress))
            {
                return _next(context);
            }

            LogRemoteRefused(_logger, context.Connection.RemoteIpAddress);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        var check = CheckCredentials(context.Request.Headers.Authorization);
        if (check == CredentialCheck.Passed)
        {
            return _next(context);
        }

        if (check == CredentialCheck.Wrong)
        {
            LogWrongCredentials(_logger, context.Connection.RemoteIpAddress);
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers[HeaderNames.WWWAuthenticate] = Challenge;
        return Task.CompletedTask;
    }

    private static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private CredentialCheck CheckCredentials(string? authorization)
    {
        if (!AuthenticationHeaderValue.TryParse(authorization, out var header) || !"Basic".Equals(header.Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return CredentialCheck.Missing;
        }

        var encoded = header.Parameter ?? string.Empty;
        var buffer = new byte[(encoded.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(encoded, buffer, out var length))
        {
            return CredentialCheck.Wrong;
        }

        // Digests have one length, so the comparison takes the same time whatever was sent.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(buffer.AsSpan(0, length)), _expected)
            ? CredentialCheck.Passed
            : CredentialCheck.Wrong;
    }

    private static byte[] Digest(string credentials) => SHA256.HashData(Encoding.UTF8.GetBytes(credentials));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused a dashboard request from {RemoteAddress}: without credentials configured the dashboard serves loopback clients only.")]
    private static partial void LogRemoteRefused(ILogger logger, IPAddress? remoteAddress);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a dashboard request from {RemoteAddress}: wrong basic-authentication credentials.")]
    private static partial void LogWrongCredentials(ILogger logger, IPAddress? remoteAddress);

    private enum CredentialCheck
    {
        Missing,
        Wrong,
        Passed,
    }
}
