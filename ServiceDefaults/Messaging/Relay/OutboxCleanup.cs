using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using Studios.ServiceDefaults.Telemetry;

namespace Studios.ServiceDefaults.Messaging.Relay;

/// <summary>Deletes sent outbox rows after <see cref="MessagingOptions.SentRetention"/> and inbox rows after
/// <see cref="MessagingOptions.InboxRetention"/> (the duplicate-detection window), and refreshes the backlog gauges.
/// It looks often enough that nothing outlives its retention by more than half of it (at most a minute). Its look is
/// not traced; a pass that deletes something is one span with its DELETEs as children. Safe with several instances:
/// the deletes are idempotent.</summary>
internal sealed class OutboxCleanup(NpgsqlDataSource dataSource, IOptions<MessagingOptions> options, MessagingMetrics metrics,
    ILogger<OutboxCleanup> logger) : BackgroundService
{
    // Each part on its own index: outbox_pending, outbox_sent, inbox_received.
    private const string LookSql = """
        SELECT (SELECT count(*) FROM outbox WHERE sent_at IS NULL) AS Pending,
               (SELECT coalesce(extract(epoch FROM now() - min(enqueued_at)), 0)::float8 FROM outbox WHERE sent_at IS NULL) AS LagSeconds,
               EXISTS (SELECT 1 FROM outbox WHERE sent_at < now() - @SentRetention)
                   OR EXISTS (SELECT 1 FROM inbox WHERE received_at < now() - @InboxRetention) AS Expired
        """;

    private const string DeleteSql = """
        DELETE FROM outbox WHERE sent_at < now() - @SentRetention;
        DELETE FROM inbox WHERE received_at < now() - @InboxRetention;
        """;

    private static readonly TimeSpan LongestInterval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                metrics.CleanupPass(await RunPassAsync(stoppingToken) ? MessagingMetrics.Worked : MessagingMetrics.Idle);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                metrics.CleanupPass(MessagingMetrics.Failed);
                logger.LogDebug(exception, "Outbox cleanup failed; trying again next interval");
            }
            try
            {
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private TimeSpan Interval
    {
        get
        {
            var shortest = options.Value.SentRetention < options.Value.InboxRetention ? options.Value.SentRetention : options.Value.InboxRetention;
            return shortest / 2 < LongestInterval ? shortest / 2 : LongestInterval;
        }
    }

    /// <summary>Refreshes the gauges; deletes what expired, if anything did. True when it deleted.</summary>
    private async Task<bool> RunPassAsync(CancellationToken cancellationToken)
    {
        var retention = new { options.Value.SentRetention, options.Value.InboxRetention };
        await using var connection = dataSource.CreateConnection();
        (long Pending, double LagSeconds, bool Expired) look;
        using (Untraced.Begin())
        {
            await connection.OpenAsync(cancellationToken);
            look = await connection.QuerySingleAsync<(long, double, bool)>(new CommandDefinition(LookSql, retention, cancellationToken: cancellationToken));
        }
        metrics.Backlog(look.Pending, TimeSpan.FromSeconds(look.LagSeconds));
        if (!look.Expired) return false;

        using var span = StudiosTelemetry.Messaging.StartActivity("outbox cleanup");
        var deleted = await connection.ExecuteAsync(new CommandDefinition(DeleteSql, retention, cancellationToken: cancellationToken));
        span?.SetTag("outbox.deleted", deleted);
        return true;
    }
}
