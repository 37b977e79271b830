using Microsoft.Extensions.Options;

namespace Studios.ServiceDefaults.Messaging.Relay;

/// <summary>Streams committed outbox rows to the broker: claims what fits in the publish window, publishes each row at
/// once, and goes on claiming while earlier rows wait for their confirms; each claim's rows are marked once their
/// confirms are in. Woken after each commit (<see cref="OutboxSignal"/>), by another instance's NOTIFY, when a failed
/// row falls due, or by its poll.</summary>
internal sealed class OutboxRelay(
    OutboxClaims claims,
    OutboxPublisher publisher,
    OutboxMarking marking,
    PublishWindow window,
    OutboxSignal signal,
    IOptions<MessagingOptions> options,
    MessagingMetrics metrics,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var marker = marking.RunAsync();
        try
        {
            await RelayAsync(stoppingToken);
        }
        finally
        {
            // What was published is marked before the relay stops, so a restart does not publish it again.
            await window.DrainedAsync();
            marking.Complete();
            await marker;
        }
    }

    private async Task RelayAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await window.WaitForRoomAsync(stoppingToken);
                var room = window.Free;
                var pass = await ClaimAsync(room, stoppingToken);
                failures = 0;
                if (pass is not null) Publish(pass);
                if (pass is null || pass.Rows.Count < room)
                {
                    await signal.WaitAsync(UntilNextLook(), stoppingToken); // all that was due is on its way
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database is unreachable: the rows stay pending; look again after a backoff.
                failures++;
                metrics.RelayPass(MessagingMetrics.Failed);
                var delay = TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * Math.Pow(2, Math.Min(failures, 10))));
                logger.LogWarning(exception, "Outbox relay could not claim ({Failures} in a row); next look in {Delay}", failures, delay);
                await PauseAsync(delay, stoppingToken);
            }
        }
    }

    /// <summary>Claims up to <paramref name="limit"/> due rows without tracing the look; null when there were none.</summary>
    private async Task<RelayPass?> ClaimAsync(int limit, CancellationToken cancellationToken)
    {
        var claimedAt = DateTime.UtcNow;
        List<OutboxRow> rows;
        using (Untraced.Begin())
        {
            rows = await claims.ClaimAsync(limit, cancellationToken);
        }
        metrics.RelayPass(rows.Count > 0 ? MessagingMetrics.Worked : MessagingMetrics.Idle);
        return rows.Count > 0 ? new RelayPass(rows, claimedAt) : null;
    }

    /// <summary>Starts every row's publish; the pass goes to marking when the last confirm (or failure) is in. Publishes
    /// are not cancelled when the service stops: each ends within its timeout, and what was confirmed is marked.</summary>
    private void Publish(RelayPass pass)
    {
        window.Take(pass.Rows.Count);
        foreach (var row in pass.Rows)
        {
            _ = PublishAsync(row, pass);
        }
    }

    private async Task PublishAsync(OutboxRow row, RelayPass pass)
    {
        var error = await publisher.PublishAsync(row, CancellationToken.None);
        if (pass.Record(row.Id, error)) marking.Enqueue(pass);
        window.Release();
    }

    /// <summary>The poll interval, or less when a failed row falls due before it.</summary>
    private TimeSpan UntilNextLook()
    {
        var retryAt = marking.NextRetryAt;
        var untilRetry = retryAt - DateTime.UtcNow;
        if (untilRetry > TimeSpan.Zero) return untilRetry < options.Value.RelayPollInterval ? untilRetry : options.Value.RelayPollInterval;
        marking.RetryDue(retryAt); // looked for now; the next failure sets the next time
        return TimeSpan.Zero;
    }

    private static async Task PauseAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}
