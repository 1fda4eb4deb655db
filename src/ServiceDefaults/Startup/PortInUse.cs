using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace TaskActors.ServiceDefaults.Startup;

/// <summary>Recognises a start that failed because a port is taken, and says which port and which setting chose it.</summary>
internal static partial class PortInUse
{
    private const string SiloPortSetting = "TaskActors:Cluster:SiloPort";
    private const string GatewayPortSetting = "TaskActors:Cluster:GatewayPort";

    /// <summary>Whether <paramref name="exception"/>, or what it wraps, says an address is already in use.</summary>
    public static bool IsCause(Exception exception) =>
        ExceptionChain.Of(exception).Any(e => e is AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse });

    /// <summary>
    /// The silo's Orleans ports (silo-to-silo and client) that another process holds, each with its setting; none in a
    /// process without a silo. Checked before the host starts: once it has started, Orleans' error does not say which
    /// of its listeners failed, and its own listeners hold their ports until the process ends.
    /// </summary>
    public static IReadOnlyList<string> TakenSiloPorts(WebApplication app)
    {
        if (app.Services.GetService<ILocalSiloDetails>() is null)
        {
            return [];
        }

        var endpoints = app.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        var address = endpoints.AdvertisedIPAddress ?? IPAddress.Loopback;
        (IPEndPoint Endpoint, string Setting)[] listeners =
        [
            (endpoints.SiloListeningEndpoint ?? new IPEndPoint(address, endpoints.SiloPort), $"the silo-to-silo port, setting {SiloPortSetting}"),
            (endpoints.GatewayListeningEndpoint ?? new IPEndPoint(address, endpoints.GatewayPort), $"the port clients connect to, setting {GatewayPortSetting}"),
        ];
        return [.. listeners.Where(l => l.Endpoint.Port > 0 && !CanListen(l.Endpoint)).Select(l => Taken(l.Endpoint.Port, l.Setting))];
    }

    /// <summary>Says which port <paramref name="exception"/> found taken, and which setting chose it.</summary>
    public static string Describe(Exception exception, WebApplication app, string defaultUrl)
    {
        // Kestrel names the address: "Failed to bind to address http://127.0.0.1:5080: address already in use."
        foreach (var failure in ExceptionChain.Of(exception).OfType<IOException>())
        {
            if (KestrelFailure().Match(failure.Message) is { Success: true } match && Uri.TryCreate(match.Groups["url"].Value, UriKind.Absolute, out var url))
            {
                return Taken(url.Port, HttpSetting(app, defaultUrl));
            }
        }

        // A silo port taken between TakenSiloPorts and the silo's start.
        return $"a port is already in use ({exception.Message}); check {SiloPortSetting} and {GatewayPortSetting}.";
    }

    private static string Taken(int port, string setting) => $"port {port.ToString(CultureInfo.InvariantCulture)} is already in use ({setting}).";

    private static bool CanListen(IPEndPoint endpoint)
    {
        using var probe = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            probe.Bind(endpoint);
            probe.Listen();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string HttpSetting(WebApplication app, string defaultUrl)
    {
        if (app.Configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } urls)
        {
            return $"setting urls, from --urls or ASPNETCORE_URLS: {urls}";
        }

        return app.Configuration[WebHostDefaults.HttpPortsKey] is { Length: > 0 } ports
            ? $"setting http_ports, from ASPNETCORE_HTTP_PORTS: {ports}"
            : $"the default URL {defaultUrl}; set urls, --urls or ASPNETCORE_URLS to use another";
    }

    [GeneratedRegex(@"^Failed to bind to address (?<url>\S+): address already in use\.")]
    private static partial Regex KestrelFailure();
}
