using System.Diagnostics;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Studios.ServiceDefaults.Messaging;

/// <summary>Finds a receive endpoint that silently stopped consuming: for <see cref="MessagingOptions.StallAfter"/>, while
/// the broker answered, its queue had ready messages, none reached it, and it was not busy on a live channel. It reports, never repairs:
/// an error log, <c>messaging.stalled_endpoints</c>, and /alive unhealthy (<see cref="StalledEndpoints"/>) until the
/// endpoint receives again. It asks the broker over a connection of its own; while the broker is away nothing counts as
/// stalled (MassTransit reconnects by itself), and a broker alarm, which blocks only publishers, stalls no consumer.</summary>
internal sealed class StallDetector(
    ReceiveEndpoints endpoints,
    BusActivity activity,
    StalledEndpoints stalled,
    IConfiguration configuration,
    IHostEnvironment environment,
    IOptions<MessagingOptions> options,
    MessagingMetrics metrics,
    ILogger<StallDetector> logger) : BackgroundService
{
    private IConnection? _connection;

    // When each endpoint was first seen stalled on a broker that answered: the stall must hold that long, as seen by
    // the detector, before it counts. A broker that was down (its restart can take most of a minute) makes every
    // endpoint quiet meanwhile, and MassTransit's reconnect may take up to 30 s more: that is not a stall.
    private readonly Dictionary<string, long> _suspectedSince = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var stallAfter = options.Value.StallAfter;
        // Six looks per StallAfter: a stall is reported at most a sixth late.
        using var timer = new PeriodicTimer(TimeSpan.FromTicks(Math.Clamp(stallAfter.Ticks / 6, TimeSpan.TicksPerSecond / 2, TimeSpan.TicksPerSecond * 10)));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                IReadOnlyList<string> found;
                try
                {
                    found = await FindStalledAsync(stallAfter, stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogDebug(exception, "The stall detector could not ask the broker; nothing counts as stalled while it is away");
                    await CloseConnectionAsync();
                    _suspectedSince.Clear();
                    found = [];
                }
                foreach (var queue in stalled.Update(found))
                {
                    var state = activity.StateOf(queue);
                    logger.LogError("Receive endpoint {Queue} is stalled: messages are ready, none received for {Quiet}, {InFlight} in flight, " +
                                    "channel {Channel}; /alive reports it so the process is replaced",
                        queue, state.Quiet, state.InFlight, state.ChannelOpen switch { true => "open", false => "closed", null => "unknown" });
                    metrics.Stalled(queue);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await CloseConnectionAsync();
        }
    }

    private async Task<IReadOnlyList<string>> FindStalledAsync(TimeSpan stallAfter, CancellationToken cancellationToken)
    {
        var quiet = endpoints.Queues.Where(queue => activity.StateOf(queue).Quiet >= stallAfter).ToList();
        foreach (var queue in _suspectedSince.Keys.Except(quiet).ToList()) _suspectedSince.Remove(queue);
        if (quiet.Count == 0) return []; // every endpoint had a delivery lately: no need to ask the broker
        if (_connection is not { IsOpen: true })
        {
            await CloseConnectionAsync();
            _connection = await BrokerAddress.ConnectAsync(configuration, $"{environment.ApplicationName} stall detector", cancellationToken);
        }
        var found = new List<string>();
        foreach (var queue in quiet)
        {
            // A channel per look: a queue that is gone (deleted by hand) closes the channel it was asked on.
            uint? ready;
            await using (var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken))
            {
                ready = await BrokerAddress.ReadyMessagesAsync(channel, queue, cancellationToken);
            }
            if (ready is not { } count || !activity.StateOf(queue).IsStalled(count, stallAfter))
            {
                _suspectedSince.Remove(queue);
                continue;
            }
            var since = _suspectedSince.TryGetValue(queue, out var first) ? first : _suspectedSince[queue] = Stopwatch.GetTimestamp();
            if (Stopwatch.GetElapsedTime(since) >= stallAfter) found.Add(queue);
        }
        return found;
    }

    private async Task CloseConnectionAsync()
    {
        if (_connection is not { } connection) return;
        _connection = null;
        try
        {
            await connection.DisposeAsync();
        }
        catch (Exception exception)
        {
            logger.LogDebug(exception, "Closing the stall detector's connection failed");
        }
    }
}
