using MassTransit;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Studios.ServiceDefaults.Messaging;

/// <summary>Restarts the bus when a receive endpoint has silently stopped consuming: its queue holds ready messages,
/// none has reached it for <see cref="MessagingOptions.EndpointStallAfter"/>, and it is not busy on a live channel.
/// After a broker crash RabbitMQ.Client 7.2 sometimes never tells an endpoint's consumer that its channel is gone;
/// MassTransit then still calls the endpoint ready and never reconnects it (docs/messaging.md, "Broker connection
/// lost"). A restart stops the endpoints (bounded by StopTimeout) and connects them anew; deliveries cut short are
/// redelivered and the inbox absorbs the repeats.</summary>
internal sealed class ReceiveEndpointWatchdog(
    IBusControl bus,
    ReceiveEndpoints endpoints,
    EndpointActivity activity,
    IConfiguration configuration,
    IHostEnvironment environment,
    IOptions<MessagingOptions> options,
    MessagingMetrics metrics,
    ILogger<ReceiveEndpointWatchdog> logger) : BackgroundService
{
    private const int QueueNotFound = 404;
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(60);

    private IConnection? _connection;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.EndpointWatchdogInterval <= TimeSpan.Zero)
        {
            return;
        }
        using var timer = new PeriodicTimer(settings.EndpointWatchdogInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var stalled = await FindStalledAsync(settings.EndpointStallAfter, stoppingToken);
                    if (stalled.Count > 0)
                    {
                        await RestartBusAsync(stalled, settings, stoppingToken);
                    }
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // The broker is away (MassTransit reconnects by itself then) or a look failed: try again next tick.
                    logger.LogDebug(exception, "The endpoint watchdog could not look at the queues");
                    await CloseConnectionAsync();
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

    private async Task<List<string>> FindStalledAsync(TimeSpan stallAfter, CancellationToken cancellationToken)
    {
        var stalled = new List<string>();
        var quiet = endpoints.Queues.Where(queue => activity.StateOf(queue).Quiet >= stallAfter).ToList();
        if (quiet.Count == 0)
        {
            return stalled; // every endpoint had a delivery lately: no need to ask the broker
        }
        if (_connection is not { IsOpen: true })
        {
            await CloseConnectionAsync();
            _connection = await BrokerAddress.ConnectAsync(configuration, $"{environment.ApplicationName} endpoint watchdog", cancellationToken);
        }
        foreach (var queue in quiet)
        {
            // A channel per look: a queue that is gone (deleted by hand; MassTransit declares it again on reconnect)
            // closes the channel it was asked on, and must not keep the others from being looked at.
            uint ready;
            await using (var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken))
            {
                try
                {
                    ready = (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
                }
                catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == QueueNotFound)
                {
                    continue;
                }
            }
            var state = activity.StateOf(queue);
            if (state.IsStalled(ready, stallAfter))
            {
                logger.LogWarning(
                    "Receive endpoint {Queue} is stalled: {Ready} messages ready, none received for {Quiet}, {InFlight} in flight, channel {Channel}",
                    queue, ready, state.Quiet, state.InFlight, state.ChannelOpen switch { true => "open", false => "closed", null => "unknown" });
                stalled.Add(queue);
            }
        }
        return stalled;
    }

    private async Task RestartBusAsync(List<string> stalled, MessagingOptions settings, CancellationToken cancellationToken)
    {
        logger.LogWarning("Restarting the bus to reconnect the stalled receive endpoints {Queues}", stalled);
        metrics.EndpointsRestarted(stalled);
        // Bounded, but generously: on a channel whose connection died the stop's basic.cancel waits for RabbitMQ.Client's
        // 20 s continuation timeout, after the endpoint's own stop timeouts; a stop cut short leaves MassTransit's host
        // "already started", and the start below would then bring nothing back (the next tick tries again).
        var stopWithin = settings.StopTimeout + settings.ConsumerStopTimeout + StopGrace;
        using (var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            stopping.CancelAfter(stopWithin);
            try
            {
                await bus.StopAsync(stopping.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("The bus did not stop within {Timeout}; starting it regardless", stopWithin);
            }
        }
        activity.Restarted();
        await bus.StartAsync(cancellationToken);
        logger.LogInformation("The bus restarted");
    }

    private async Task CloseConnectionAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            try
            {
                await connection.DisposeAsync();
            }
            catch (Exception exception)
            {
                logger.LogDebug(exception, "Closing the endpoint watchdog's connection failed");
            }
        }
    }
}
