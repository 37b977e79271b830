using System.Net;
using System.Net.Sockets;

namespace Studios.Messaging.Tests.Support;

/// <summary>A TCP proxy on 127.0.0.1 in front of the broker that can freeze: it stops reading what the clients send and
/// forwards nothing more either way, as a broker that died without closing its sockets (a crashed host, a cut network).
/// The clients' writes then fill their socket buffers and stay stuck in their writer, until <see cref="ResetAsync"/>
/// resets every connection, which makes each client's writer fail and its reader see the connection gone; new
/// connections then flow again, as to a broker that came back.</summary>
public sealed class FreezingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _brokerPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(Socket Client, Socket Broker)> _pairs = [];
    private volatile bool _frozen;
    private int _generation;
    private readonly Task _accepting;

    public FreezingProxy(int brokerPort)
    {
        _brokerPort = brokerPort;
        // Small socket buffers: once frozen, a client's writes soon stop fitting and stay queued in the client.
        _listener.Server.ReceiveBufferSize = 8 * 1024;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Forwards nothing more; what the clients write piles up in their socket buffers.</summary>
    public void Freeze()
    {
        lock (_pairs) _frozen = true;
    }

    // Connections made after a reset belong to a new generation, which the freeze before it does not stop.
    private bool Frozen(int generation) => _frozen || generation != Volatile.Read(ref _generation);

    /// <summary>Resets every client connection (RST), as the peer's kernel does for a process that is gone; later
    /// connections are forwarded again.</summary>
    public Task ResetAsync()
    {
        lock (_pairs)
        {
            _frozen = false;
            _generation++;
            foreach (var (client, broker) in _pairs)
            {
                client.LingerState = new LingerOption(true, 0);
                client.Close();
                broker.Close();
            }
            _pairs.Clear();
        }
        return Task.CompletedTask;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            var broker = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await broker.ConnectAsync(IPAddress.Loopback, _brokerPort);
            lock (_pairs) _pairs.Add((client, broker));
            _ = PumpAsync(client, broker, _generation);
            _ = PumpAsync(broker, client, _generation);
        }
    }

    private async Task PumpAsync(Socket from, Socket to, int generation)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (!Frozen(generation))
            {
                var read = await from.ReceiveAsync(buffer, _stop.Token);
                if (read == 0 || Frozen(generation)) return;
                await to.SendAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception)
        {
            // a reset or the end: the other pump sees it too
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await ResetAsync();
        await _accepting;
    }
}
