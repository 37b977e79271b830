using System.Collections.Concurrent;
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
    OutboxSignal signal,
    IOptions<MessagingOptions> options,
    MessagingMetrics metrics,
    BusActivity busActivity,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly TimeSpan FirstLook = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan LongestLook = TimeSpan.FromMilliseconds(100);

    // The statement's row locks last only while it runs; the lease (claimed_until) is what keeps the batch ours.
    // Without statistics (a new database) or with stale ones (analysed while nothing was pending) the planner expects
    // a handful of pending rows and sorts them all: a claim then costs O(backlog), ~10 ms per claim at 30,000 rows,
    // just when a burst needs the relay most. Without sorting it walks outbox_pending in order and stops at the limit.
    // Its commit need not wait for the disk (nor the marking's): lost in a crash, a claim or a "sent" only means the
    // row is published again, which the consumers' inbox absorbs.
    private const string ClaimSql = """
        SET LOCAL enable_sort = off;
        SET LOCAL synchronous_commit = off;
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

    private const string MarkSentSql = """
        SET LOCAL synchronous_commit = off;
        UPDATE outbox SET sent_at = now(), claimed_until = NULL WHERE id = ANY(@Ids);
        """;

    // Backoff 0.5 s, 1 s, 2 s, ... at most 30 s between attempts of one row.
    private const string MarkFailedSql = """
        UPDATE outbox
        SET attempts = attempts + 1, claimed_until = NULL, last_error = @Error,
            next_attempt_at = now() + make_interval(secs => least(30, 0.5 * power(2, least(attempts, 10))))
        WHERE id = ANY(@Ids)
        RETURNING extract(epoch FROM next_attempt_at - now())::float8
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

    // Confirmed by the broker but not yet marked sent (the database went away in between): marked on the next pass,
    // so they are not published again once the lease runs out.
    private readonly ConcurrentQueue<Guid> _confirmedUnmarked = new();

    // When this relay's earliest failed row is due again: it must not wait a whole poll interval for it.
    private readonly Lock _nextRetryLock = new();
    private DateTime _nextRetryAt = DateTime.MaxValue;

    // After an in-process enqueue: until when to keep looking for its commit, and the next short wait (doubling).
    private long _expectCommitUntilTicks;
    private TimeSpan _look = FirstLook;

    private MessagingOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        signal.Enqueued += OnEnqueued;
        try
        {
            await RunAsync(stoppingToken);
        }
        finally
        {
            signal.Enqueued -= OnEnqueued;
        }
    }

    private void OnEnqueued()
    {
        Interlocked.Exchange(ref _expectCommitUntilTicks, (DateTime.UtcNow + Options.RelayExpectCommitWithin).Ticks);
        _wakeUp.Writer.TryWrite(true);
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var listening = ListenForCommitsAsync(stoppingToken);
        var housekeeping = HousekeepingLoopAsync(stoppingToken);
        var failures = 0;
        // Batches claimed and being published, oldest first. With RelayBatchesInFlight above 1 the next is claimed and
        // sent while one waits for its confirms (off by default, see MessagingOptions).
        var publishing = new Queue<Task<RelayPass>>();

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await ClaimAsync(stoppingToken);
                if (claimed.Count > 0)
                {
                    publishing.Enqueue(PublishBatchAsync(claimed, stoppingToken));
                    _look = FirstLook; // found what it looked for: the next enqueue starts quick again
                }
                var moreWaiting = claimed.Count >= Options.RelayBatchSize;
                if (moreWaiting && publishing.Count < Options.RelayBatchesInFlight)
                {
                    continue; // no pause between full batches
                }
                if (publishing.Count > 0)
                {
                    var pass = await publishing.Dequeue();
                    if (pass.Failed > 0)
                    {
                        throw new OutboxPublishException(pass.Failed, pass.Error);
                    }
                    failures = 0;
                    if (moreWaiting || publishing.Count > 0)
                    {
                        continue;
                    }
                    await MarkConfirmedAsync(stoppingToken); // the last batch's rows, before going idle
                }
                await WaitForWorkAsync(UntilNextPass(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // Database or broker unreachable: back off, the rows stay pending.
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * Math.Pow(2, Math.Min(failures, 10))));
                logger.LogWarning(exception, "Outbox relay pass failed ({Failures} in a row); next pass in {Delay}", failures, delay);
                await WaitForWorkAsync(delay, stoppingToken, wakeEarly: false);
            }
        }

        await StopPublishingAsync(publishing);
        await Task.WhenAll(listening, housekeeping);
    }

    /// <summary>On shutdown: lets the batches in flight finish (each within PublishTimeout) and marks what the broker
    /// confirmed, so a restart does not publish it again.</summary>
    private async Task StopPublishingAsync(IEnumerable<Task<RelayPass>> publishing)
    {
        try
        {
            await Task.WhenAll(publishing);
            await MarkConfirmedAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogDebug(exception, "Outbox relay stopped with rows unmarked; their lease runs out and they are published again");
        }
    }

    /// <summary>Marks the rows confirmed since the last pass, then claims the next batch under a lease.</summary>
    private async Task<List<OutboxRow>> ClaimAsync(CancellationToken cancellationToken)
    {
        await MarkConfirmedAsync(cancellationToken);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<OutboxRow>(new CommandDefinition(ClaimSql,
                new { Lease = Options.RelayLease, BatchSize = Options.RelayBatchSize }, transaction, cancellationToken: cancellationToken)))
            .OrderBy(row => row.Sequence)
            .ToList();
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    /// <summary>Publishes a claimed batch at once; the confirmed rows wait to be marked sent by the next pass, the
    /// failed ones go back to pending with a backoff.</summary>
    private async Task<RelayPass> PublishBatchAsync(List<OutboxRow> rows, CancellationToken cancellationToken)
    {
        string?[] outcomes;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(Options.PublishTimeout);
            outcomes = await Task.WhenAll(rows.Select(row => PublishAsync(row, timeout.Token)));
        }
        cancellationToken.ThrowIfCancellationRequested();

        for (var i = 0; i < rows.Count; i++)
        {
            if (outcomes[i] is null) _confirmedUnmarked.Enqueue(rows[i].Id);
        }
        var failed = rows.Where((_, i) => outcomes[i] is not null).Select(row => row.Id).ToArray();
        if (failed.Length < rows.Count) busActivity.Published();
        else busActivity.PublishFailed();
        var error = outcomes.FirstOrDefault(outcome => outcome is not null);
        if (failed.Length > 0)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var dueIn = await connection.QueryAsync<double>(new CommandDefinition(MarkFailedSql, new { Ids = failed, Error = error },
                cancellationToken: CancellationToken.None));
            RetryDueAt(DateTime.UtcNow + TimeSpan.FromSeconds(Math.Max(0, dueIn.DefaultIfEmpty(0).Min())));
            metrics.PublishFailed(failed.Length);
        }
        return new RelayPass(rows.Count, failed.Length, error);
    }

    private void RetryDueAt(DateTime retryAt)
    {
        lock (_nextRetryLock)
        {
            if (retryAt < _nextRetryAt) _nextRetryAt = retryAt;
        }
    }

    /// <summary>The poll interval, shortened for a failed row falling due or, after an in-process enqueue, to a quick
    /// look (1 ms, doubling to 100 ms) until its transaction has committed.</summary>
    private TimeSpan UntilNextPass()
    {
        var now = DateTime.UtcNow;
        DateTime nextRetryAt;
        lock (_nextRetryLock)
        {
            nextRetryAt = _nextRetryAt;
            if (nextRetryAt <= now) _nextRetryAt = DateTime.MaxValue; // due now; a failure sets it again
        }
        if (nextRetryAt <= now)
        {
            return TimeSpan.Zero;
        }
        var wait = Min(nextRetryAt - now, Options.RelayPollInterval);
        if (now.Ticks < Interlocked.Read(ref _expectCommitUntilTicks))
        {
            wait = Min(wait, _look);
            _look = Min(_look * 2, LongestLook);
        }
        else
        {
            _look = FirstLook;
        }
        return wait;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>Marks every confirmed row sent.</summary>
    private async Task MarkConfirmedAsync(CancellationToken cancellationToken)
    {
        if (_confirmedUnmarked.IsEmpty)
        {
            return;
        }
        var ids = new List<Guid>();
        while (_confirmedUnmarked.TryDequeue(out var id))
        {
            ids.Add(id);
        }
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
            await connection.ExecuteAsync(new CommandDefinition(MarkSentSql, new { Ids = ids.ToArray() }, transaction, cancellationToken: CancellationToken.None));
            await transaction.CommitAsync(CancellationToken.None);
            metrics.Published(ids.Count);
        }
        catch
        {
            foreach (var id in ids)
            {
                _confirmedUnmarked.Enqueue(id);
            }
            throw;
        }
    }

    /// <summary>Publishes one row as a child of the span that enqueued it; returns null or the error.</summary>
    private async Task<string?> PublishAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(row.TraceParent, row.TraceState, out var parent);
        using var activity = StudiosTelemetry.Messaging.StartActivity("outbox publish", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", row.Id);
        try
        {
            var type = MessageTypes.Resolve(row.MessageType);
            var message = JsonSerializer.Deserialize(row.Body, type, MessageTypes.Json)
                ?? throw new InvalidOperationException($"Outbox row {row.Id} has an empty body.");
            // WaitAsync: a publish whose channel died may never complete; the batch must not wait for it past the timeout.
            await bus.Publish(message, type, context => context.MessageId = row.Id, cancellationToken).WaitAsync(cancellationToken);
            return null;
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            return exception is OperationCanceledException
                ? $"Not confirmed by the broker within {Options.PublishTimeout.TotalSeconds:0.#} s"
                : $"{exception.GetType().Name}: {exception.Message}";
        }
    }

    private async Task HousekeepingLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(CleanupSql,
                    new { Options.SentRetention, Options.InboxRetention }, cancellationToken: cancellationToken));
                var backlog = await connection.QuerySingleAsync<(long Pending, double LagSeconds)>(
                    new CommandDefinition(BacklogSql, cancellationToken: cancellationToken));
                metrics.Backlog(backlog.Pending, TimeSpan.FromSeconds(backlog.LagSeconds));
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogDebug(exception, "Outbox housekeeping failed; trying again next interval");
            }
            try
            {
                await Task.Delay(Options.HousekeepingInterval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Waits for a commit's wake-up (unless backing off) or the timeout; returns quietly on shutdown.</summary>
    private async Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken, bool wakeEarly = true)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            if (wakeEarly)
            {
                await _wakeUp.Reader.ReadAsync(timer.Token);
            }
            else
            {
                await Task.Delay(Timeout.Infinite, timer.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // the timeout passed, or the service is stopping: the loop checks which
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

    private sealed record RelayPass(int Claimed, int Failed, string? Error);

    private sealed class OutboxPublishException(int count, string? error)
        : Exception($"{count} outbox messages were not published and will be retried: {error}");
}
