using System.Diagnostics;
using System.Threading.Channels;
using Dapper;
using Npgsql;

namespace Studios.ServiceDefaults.Messaging.Relay;

/// <summary>Marking: as each pass's confirms are in, its confirmed rows are marked sent and its failed ones go back to
/// pending with a backoff (0.5 s doubling to 30 s), in one round trip. Runs beside the publishing, so the relay never
/// waits for it.</summary>
internal sealed class OutboxMarking(NpgsqlDataSource dataSource, MessagingMetrics metrics, ILogger<OutboxMarking> logger)
{
    // A lost "sent" only means the row is published again, which the inbox absorbs: no need to wait for the disk.
    private const string MarkSql = """
        SET LOCAL synchronous_commit = off;
        UPDATE outbox SET sent_at = now(), claimed_until = NULL WHERE id = ANY(@Sent);
        UPDATE outbox
        SET attempts = attempts + 1, claimed_until = NULL, last_error = failed.error,
            next_attempt_at = now() + make_interval(secs => least(30, 0.5 * power(2, least(attempts, 10))))
        FROM unnest(@Failed, @Errors) AS failed(id, error)
        WHERE outbox.id = failed.id
        RETURNING extract(epoch FROM next_attempt_at - now())::float8;
        """;

    private static readonly TimeSpan RetryMarkingAfter = TimeSpan.FromSeconds(1);

    private readonly Channel<RelayPass> _ready = Channel.CreateUnbounded<RelayPass>(new UnboundedChannelOptions { SingleReader = true });
    private long _nextRetryTicks = DateTime.MaxValue.Ticks;
    private volatile bool _stopping;

    /// <summary>When the earliest row that failed is due again (UTC): the relay must not wait a whole poll for it.</summary>
    public DateTime NextRetryAt => new(Interlocked.Read(ref _nextRetryTicks), DateTimeKind.Utc);

    /// <summary>Forgets the retry time once it has come (unless a failure meanwhile set an earlier one).</summary>
    public void RetryDue(DateTime at) => Interlocked.CompareExchange(ref _nextRetryTicks, DateTime.MaxValue.Ticks, at.Ticks);

    public void Enqueue(RelayPass pass) => _ready.Writer.TryWrite(pass);

    /// <summary>No more passes will come (the relay stopped).</summary>
    public void Complete()
    {
        _stopping = true;
        _ready.Writer.TryComplete();
    }

    /// <summary>Marks passes as they become ready until <see cref="Complete"/>; a pass the database refuses is tried again
    /// (its rows stay leased meanwhile, and go to another relay if the lease runs out first).</summary>
    public async Task RunAsync()
    {
        await foreach (var pass in _ready.Reader.ReadAllAsync())
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await MarkAsync(pass);
                    break;
                }
                catch (Exception exception) when (attempt < 30 && !_stopping)
                {
                    logger.LogWarning(exception, "Marking {Count} outbox rows failed ({Attempt} in a row); trying again", pass.Rows.Count, attempt);
                    await Task.Delay(RetryMarkingAfter);
                }
                catch (Exception exception)
                {
                    logger.LogWarning(exception, "Gave up marking {Count} outbox rows; their lease runs out and they are published again", pass.Rows.Count);
                    pass.Span?.SetStatus(ActivityStatusCode.Error, exception.Message);
                    break;
                }
            }
            pass.Span?.Dispose();
        }
    }

    private async Task MarkAsync(RelayPass pass)
    {
        var current = Activity.Current;
        Activity.Current = pass.Span; // the marking's SQL belongs to the pass
        try
        {
            var failed = pass.Failed.ToArray();
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var dueIn = (await connection.QueryAsync<double>(new CommandDefinition(MarkSql, new
            {
                Sent = pass.Confirmed.ToArray(),
                Failed = failed.Select(row => row.Id).ToArray(),
                Errors = failed.Select(row => row.Error).ToArray(),
            }, transaction))).AsList();
            await transaction.CommitAsync();
            metrics.Published(pass.Confirmed.Count);
            if (failed.Length == 0) return;
            metrics.PublishFailed(failed.Length);
            pass.Span?.SetTag("outbox.failed", failed.Length);
            var retryAt = DateTime.UtcNow + TimeSpan.FromSeconds(Math.Max(0, dueIn.DefaultIfEmpty(0).Min()));
            long seen;
            while (retryAt.Ticks < (seen = Interlocked.Read(ref _nextRetryTicks))
                   && Interlocked.CompareExchange(ref _nextRetryTicks, retryAt.Ticks, seen) != seen)
            {
            }
        }
        finally
        {
            Activity.Current = current;
        }
    }
}
