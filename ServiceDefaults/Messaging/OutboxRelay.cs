using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;
using Studios.ServiceDefaults.Telemetry;

namespace Studios.ServiceDefaults.Messaging;

/// <summary>Publishes committed outbox rows. Claims a batch under a short lease (FOR UPDATE SKIP LOCKED, so
/// several instances share the work), publishes with publisher confirms and no transaction open, then marks the
/// confirmed rows sent; failures stay pending and are retried with backoff. Woken by NOTIFY, with a fallback poll.</summary>
internal sealed class OutboxRelay(
    NpgsqlDataSource dataSource,
    IBus bus,
    IOptions<MessagingOptions> options,
    MessagingMetrics metrics,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private const string ClaimSql = """
        UPDATE outbox SET claimed_until = now() + @Lease
        WHERE id IN (
            SELECT id FROM outbox
            WHERE sent_at IS NULL AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
            ORDER BY sequence
            LIMIT @BatchSize
            FOR UPDATE SKIP LOCKED)
        RETURNING id AS Id, sequence AS Sequence, message_type AS MessageType, body::text AS Body,
                  trace_parent AS TraceParent, trace_state AS TraceState
        """;

    private const string MarkSentSql = "UPDATE outbox SET sent_at = now(), claimed_until = NULL WHERE id = ANY(@Ids)";

    private const string MarkFailedSql = """
        UPDATE outbox
        SET attempts = attempts + 1, claimed_until = NULL, last_error = @Error,
            next_attempt_at = now() + make_interval(secs => least(60, power(2, attempts)))
        WHERE id = ANY(@Ids)
        """;

    private const string BacklogSql = """
        SELECT count(*) AS Pending, coalesce(extract(epoch FROM now() - min(enqueued_at)), 0)::float8 AS LagSeconds
        FROM outbox WHERE sent_at IS NULL
        """;

    private const string CleanupSql = """
        DELETE FROM outbox WHERE sent_at < now() - @SentRetention;
        DELETE FROM inbox WHERE received_at < now() - @InboxRetention;
        """;

    private readonly Channel<bool> _wakeUp = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private MessagingOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listening = ListenForCommitsAsync(stoppingToken);
        var nextHousekeeping = DateTime.UtcNow;
        var failures = 0;

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await RelayBatchAsync(stoppingToken);
                failures = 0;
                if (DateTime.UtcNow >= nextHousekeeping)
                {
                    await HousekeepingAsync(stoppingToken);
                    nextHousekeeping = DateTime.UtcNow.AddSeconds(30);
                }
                if (published >= Options.RelayBatchSize)
                {
                    continue; // more is waiting: no pause between full batches
                }
                await WaitForWorkAsync(Options.RelayPollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // Database or broker unreachable: back off, the rows stay pending.
                failures++;
                logger.LogWarning(exception, "Outbox relay pass failed ({Failures} in a row); retrying", failures);
                await WaitForWorkAsync(TimeSpan.FromMilliseconds(Math.Min(10_000, 200 * Math.Pow(2, failures))), stoppingToken);
            }
        }

        await listening;
    }

    private async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        List<OutboxRow> rows;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            rows = (await connection.QueryAsync<OutboxRow>(new CommandDefinition(ClaimSql,
                new { Lease = Options.RelayLease, BatchSize = Options.RelayBatchSize }, cancellationToken: cancellationToken)))
                .OrderBy(row => row.Sequence)
                .ToList();
        }
        if (rows.Count == 0)
        {
            return 0;
        }

        var outcomes = await Task.WhenAll(rows.Select(row => PublishAsync(row, cancellationToken)));
        var sent = rows.Where((_, i) => outcomes[i] is null).Select(row => row.Id).ToArray();
        var failed = rows.Where((_, i) => outcomes[i] is not null).Select(row => row.Id).ToArray();

        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            if (sent.Length > 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(MarkSentSql, new { Ids = sent }, cancellationToken: CancellationToken.None));
                metrics.Published(sent.Length);
            }
            if (failed.Length > 0)
            {
                var error = outcomes.First(outcome => outcome is not null)!;
                await connection.ExecuteAsync(new CommandDefinition(MarkFailedSql, new { Ids = failed, Error = error }, cancellationToken: CancellationToken.None));
                metrics.PublishFailed(failed.Length);
                logger.LogWarning("{Count} outbox messages failed to publish and will be retried: {Error}", failed.Length, error);
            }
        }
        return rows.Count;
    }

    /// <summary>Publishes one row as a child of the span that enqueued it; returns null or the error.</summary>
    private async Task<string?> PublishAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(row.TraceParent, row.TraceState, out var parent);
        using var activity = StudiosTelemetry.Messaging.StartActivity("outbox relay", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", row.Id);
        try
        {
            var type = MessageTypes.Resolve(row.MessageType);
            var message = JsonSerializer.Deserialize(row.Body, type, MessageTypes.Json)
                ?? throw new InvalidOperationException($"Outbox row {row.Id} has an empty body.");
            await bus.Publish(message, type, context => context.MessageId = row.Id, cancellationToken);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            return $"{exception.GetType().Name}: {exception.Message}";
        }
    }

    private async Task HousekeepingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(CleanupSql,
            new { SentRetention = Options.SentRetention, InboxRetention = Options.InboxRetention }, cancellationToken: cancellationToken));
        var backlog = await connection.QuerySingleAsync<(long Pending, double LagSeconds)>(
            new CommandDefinition(BacklogSql, cancellationToken: cancellationToken));
        metrics.Backlog(backlog.Pending, TimeSpan.FromSeconds(backlog.LagSeconds));
    }

    private async Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _wakeUp.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // the poll interval passed without a wake-up
        }
    }

    /// <summary>LISTENs for the NOTIFY every enqueue sends on commit, so an idle relay reacts in milliseconds.</summary>
    private async Task ListenForCommitsAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                connection.Notification += (_, _) => _wakeUp.Writer.TryWrite(true);
                await using (var listen = new NpgsqlCommand($"LISTEN {Outbox.WakeUpChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }
                _wakeUp.Writer.TryWrite(true); // catch up on anything committed while not listening
                while (!cancellationToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogDebug(exception, "Outbox LISTEN connection lost; polling until it is back");
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private sealed record OutboxRow(Guid Id, long Sequence, string MessageType, string Body, string? TraceParent, string? TraceState);
}
