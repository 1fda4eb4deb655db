using System.Net;
using System.Net.Sockets;

namespace TaskActors.TaskLoad.Hosting;

/// <summary>
/// A base port for scripts/local-cluster.sh whose whole layout is free: Redis P, silo i HTTP P+10+i, Orleans silo port
/// P+100+i and gateway port P+200+i, gateway j HTTP P+300+j. Bases are multiples of 500 from 20000 to 32000, below
/// Linux's ephemeral range, so the clients' own connections never take them.
/// </summary>
internal static class ClusterPorts
{
    private const int First = 20_000;
    private const int Step = 500;
    private const int Bases = 25;

    public static int ChooseBase(ClusterShape shape)
    {
        var start = Random.Shared.Next(Bases);
        for (var k = 0; k < Bases; k++)
        {
            var candidate = First + (((start + k) % Bases) * Step);
            if (Layout(shape, candidate).All(IsFree))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No free port layout for a {shape} cluster between {First} and {First + (Bases * Step)}.");
    }

    private static IEnumerable<int> Layout(ClusterShape shape, int basePort)
    {
        yield return basePort;
        for (var i = 1; i <= shape.Silos; i++)
        {
            yield return basePort + 10 + i;
            yield return basePort + 100 + i;
            yield return basePort + 200 + i;
        }

        for (var j = 1; j <= shape.Gateways; j++)
        {
            yield return basePort + 300 + j;
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
