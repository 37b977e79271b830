using MassTransit;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Studios.ServiceDefaults.Messaging;

/// <summary>Restarts the bus when part of it has silently stalled for <see cref="MessagingOptions.StallAfter"/> while the
/// broker answers: a receive endpoint whose queue holds ready messages, none of which reached it, and which is not busy on
/// a live channel; or the outbox relay, every publish of which has failed. After a broker connection is lost,
/// RabbitMQ.Client 7.2 tells the connection's channels one after the other and waits for each; when one never finishes,
/// the channels after it are never told, and MassTransit keeps using them: endpoints stay "ready" and consume nothing,
/// publishes time out (docs/messaging.md, "Broker connection lost"). A restart stops the endpoints and connects
/// everything anew; deliveries cut short are redelivered and the inbox absorbs the repeats, failed publishes are retried
/// from the outbox.</summary>
internal sealed class BusWatchdog(
    IBusControl bus,
    ReceiveEndpoints endpoints,
    BusActivity activity,
    IConfiguration configuration,
    IHostEnvironment environment,
    IOptions<MessagingOptions> options,
    MessagingMetrics metrics,
    BusWatchdogHealth health,
    ILogger<BusWatchdog> logger) : BackgroundService
{
    /// <summary>The stalled outbox relay, as the restart metric tags it.</summary>
    internal const string RelayStall = "outbox relay";

    private const int StopAttempts = 5;
    private static readonly TimeSpan ContinuationTimeout = TimeSpan.FromSeconds(20);

    private IConnection? _connection;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.WatchdogInterval <= TimeSpan.Zero)
        {
            return;
        }
        using var timer = new PeriodicTimer(settings.WatchdogInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var stalled = await FindStalledAsync(settings.StallAfter, stoppingToken);
                    if (stalled.Count == 0)
                    {
                        health.NothingStalled();
                    }
                    else if (health.GaveUp)
                    {
                        logger.LogCritical("Still stalled after {Restarts} restarts of the bus: {Stalled}; /alive reports it, the process needs a restart",
                            BusWatchdogHealth.RestartsBeforeGivingUp, stalled);
                    }
                    else
                    {
                        health.Restarted();
                        await RestartBusAsync(stalled, settings, stoppingToken);
                    }
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // The broker is away (MassTransit reconnects by itself then) or a look failed: try again next tick.
                    logger.LogDebug(exception, "The bus watchdog could not look at the broker");
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
        var publishingFailingFor = activity.PublishingFailingFor;
        if (quiet.Count == 0 && publishingFailingFor < stallAfter)
        {
            return stalled; // every endpoint had a delivery lately and the relay publishes: no need to ask the broker
        }
        // Connecting is also the proof that the broker answers: while it is away nothing stalled, MassTransit reconnects.
        if (_connection is not { IsOpen: true })
        {
            await CloseConnectionAsync();
            _connection = await BrokerAddress.ConnectAsync(configuration, $"{environment.ApplicationName} watchdog", cancellationToken);
        }
        if (publishingFailingFor >= stallAfter)
        {
            logger.LogWarning("The outbox relay is stalled: every publish has failed for {FailingFor} while the broker answers", publishingFailingFor);
            stalled.Add(RelayStall);
        }
        foreach (var queue in quiet)
        {
            // A channel per look: a queue that is gone (deleted by hand; MassTransit declares it again on reconnect)
            // closes the channel it was asked on, and must not keep the others from being looked at.
            uint? ready;
            await using (var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken))
            {
                ready = await BrokerAddress.ReadyMessagesAsync(channel, queue, cancellationToken);
            }
            if (ready is null)
            {
                continue;
            }
            var state = activity.StateOf(queue);
            if (state.IsStalled(ready.Value, stallAfter))
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
        logger.LogWarning("Restarting the bus to reconnect what stalled: {Stalled}", stalled);
        metrics.BusRestarted(stalled);
        // MassTransit's StopTimeout applies only to its hosted service's stop; this one needs a bound of its own: a
        // delivery stuck on the dead connection never completes (ConsumerStopTimeout only cancels its token), and on the
        // dead channels each basic.cancel waits for RabbitMQ.Client's 20 s continuation timeout.
        var stopWithin = settings.StopTimeout + settings.ConsumerStopTimeout + ContinuationTimeout;
        // A channel of the dead connection that was never told still counts as open, so acknowledgements and the stop's
        // basic.cancel wait on it for good or for RabbitMQ.Client's continuation timeout. Closing it here (abort: nothing
        // can reach the broker any more) marks it closed at once: they fail fast and the endpoints stop cleanly.
        foreach (var channel in activity.DeadChannelsOf(stalled))
        {
            _ = AbortQuietlyAsync(channel);
        }
        for (var attempt = 1; ; attempt++)
        {
            bool cutShort;
            using (var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                stopping.CancelAfter(stopWithin);
                try
                {
                    await bus.StopAsync(stopping.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                }
                cutShort = stopping.IsCancellationRequested;
            }
            cancellationToken.ThrowIfCancellationRequested();
            activity.Restarted();
            await bus.StartAsync(cancellationToken);
            // A stop cut short leaves MassTransit's host started with its endpoints stopped, and the start brings nothing
            // back ("already started"). Stopping once more finishes what was left, and the start after it is real.
            if (!cutShort || attempt == StopAttempts)
            {
                break;
            }
            logger.LogWarning("The bus did not stop within {Timeout}; stopping it once more", stopWithin);
        }
        logger.LogInformation("The bus restarted");
    }

    private async Task AbortQuietlyAsync(IChannel channel)
    {
        try
        {
            await channel.CloseAsync(new ShutdownEventArgs(ShutdownInitiator.Application, Constants.ReplySuccess, "stalled: its connection is gone"),
                abort: true);
        }
        catch (Exception exception)
        {
            logger.LogDebug(exception, "Aborting a dead channel failed");
        }
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
                logger.LogDebug(exception, "Closing the bus watchdog's connection failed");
            }
        }
    }
}
