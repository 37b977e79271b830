using System.Net;
using System.Net.Sockets;

namespace Studios.Launchers;

/// <summary>Free TCP ports on 127.0.0.1 (the only address our servers ever bind).</summary>
public static class FreePort
{
    /// <summary>A port the OS considers free right now. Another process could still take it
    /// before we bind it; the launchers report that clearly if it happens.</summary>
    public static int Next()
    {
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
}
