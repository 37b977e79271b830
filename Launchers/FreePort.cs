using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Studios.Launchers;

/// <summary>Free TCP ports on 127.0.0.1 (the only address our servers ever bind).</summary>
public static class FreePort
{
    private const int Lowest = 15000;
    private static readonly ConcurrentDictionary<int, byte> HandedOut = new();

    /// <summary>
    /// A port free right now, below the kernel's ephemeral range: ports in that range are also handed to
    /// outgoing connections, so a busy machine could take one before our server binds it. Never the same
    /// port twice in a process.
    /// </summary>
    public static int Next()
    {
        var highest = EphemeralRangeStart() - 1;
        for (var attempt = 0; attempt < 200 && highest > Lowest; attempt++)
        {
            var port = Random.Shared.Next(Lowest, highest + 1);
            if (IsFree(port) && HandedOut.TryAdd(port, 0)) return port;
        }
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            // Like the servers themselves: a port with only TIME_WAIT connections left (just after a restart) is free.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            socket.Listen();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int EphemeralRangeStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '],
                StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return 32768;
        }
    }
}
