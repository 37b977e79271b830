using Studios.Notifications.Domain;

namespace Studios.Notifications.Data;

/// <summary>The mails to send and sent. A mail is claimed for sending with FOR UPDATE SKIP LOCKED in a transaction that
/// also records the outcome, so two instances never send the same one and a crash leaves it pending.</summary>
public sealed class MailRepository
{
    private const string Columns = """
        id AS Id, kind AS Kind, person_id AS PersonId, address AS Address, facts::text AS Facts,
        unsubscribe_token AS UnsubscribeToken, status AS Status, attempts AS Attempts, next_attempt_at AS NextAttemptAt,
        last_error AS LastError, due_at AS DueAt, created_at AS CreatedAt, sent_at AS SentAt
        """;

    /// <summary>Adds the mail unless one with its key exists (the same event, recipient and kind); true when added.</summary>
    public async Task<bool> AddAsync(NpgsqlTransaction transaction, NewMail mail, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO mails (id, dedupe_key, kind, person_id, address, facts, unsubscribe_token, next_attempt_at, due_at, created_at)
            VALUES (@Id, @DedupeKey, @Kind, @PersonId, @Address, @Facts::jsonb, @UnsubscribeToken, @CreatedAt, @DueAt, @CreatedAt)
            ON CONFLICT (dedupe_key) DO NOTHING
            """, mail, transaction, cancellationToken: ct)) > 0;

    /// <summary>The next mail due, locked for this transaction; one another instance is sending is skipped.</summary>
    public Task<MailRow?> ClaimNextAsync(NpgsqlTransaction transaction, DateTimeOffset now, CancellationToken ct) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<MailRow>(new CommandDefinition($"""
            SELECT {Columns} FROM mails
            WHERE status = 'pending' AND next_attempt_at <= @now
            ORDER BY next_attempt_at
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """, new { now }, transaction, cancellationToken: ct));

    /// <summary>Sent: what identified the recipient and the link's token are not kept.</summary>
    public Task MarkSentAsync(NpgsqlTransaction transaction, Guid id, DateTimeOffset at, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE mails SET status = 'sent', sent_at = @at, attempts = attempts + 1, last_error = NULL,
                address = NULL, facts = NULL, unsubscribe_token = NULL
            WHERE id = @id
            """, new { id, at }, transaction, cancellationToken: ct));

    /// <summary>A failed attempt: retried at <paramref name="nextAttemptAt"/>, or failed for good.</summary>
    public Task MarkAttemptFailedAsync(NpgsqlTransaction transaction, Guid id, string error, DateTimeOffset nextAttemptAt, bool givesUp,
        CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE mails SET attempts = attempts + 1, last_error = @error, next_attempt_at = @nextAttemptAt,
                status = CASE WHEN @givesUp THEN 'failed' ELSE 'pending' END
            WHERE id = @id
            """, new { id, error, nextAttemptAt, givesUp }, transaction, cancellationToken: ct));

    /// <summary>Not ready to render yet (the address or the studio not known here yet): looked at again later.</summary>
    public Task DeferAsync(NpgsqlTransaction transaction, Guid id, DateTimeOffset nextAttemptAt, string why, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE mails SET next_attempt_at = @nextAttemptAt, last_error = @why WHERE id = @id",
            new { id, nextAttemptAt, why }, transaction, cancellationToken: ct));

    public Task SkipAsync(NpgsqlTransaction transaction, Guid id, string reason, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE mails SET status = 'skipped', last_error = @reason, address = NULL, unsubscribe_token = NULL WHERE id = @id
            """, new { id, reason }, transaction, cancellationToken: ct));

    public Task<MailRow?> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<MailRow>(new CommandDefinition(
            $"SELECT {Columns} FROM mails WHERE id = @id", new { id }, cancellationToken: ct));

    /// <summary>A page of mails in <paramref name="status"/> (all when null), oldest first.</summary>
    public async Task<IReadOnlyList<MailRow>> ListAsync(NpgsqlConnection connection, string? status, MailCursor? after, int limit,
        CancellationToken ct) =>
        (await connection.QueryAsync<MailRow>(new CommandDefinition($"""
            SELECT {Columns} FROM mails
            WHERE (@status::text IS NULL OR status = @status)
              AND (@hasCursor = false OR (created_at, id) > (@createdAt, @id))
            ORDER BY created_at, id
            LIMIT @take
            """, new
        {
            status, hasCursor = after is not null, createdAt = after?.CreatedAt ?? DateTimeOffset.MinValue, id = after?.Id ?? Guid.Empty,
            take = limit + 1,
        }, cancellationToken: ct))).AsList();

    /// <summary>Sends a failed mail again from a fresh count of attempts; returns its status before (null: unknown).</summary>
    public async Task<string?> ResendAsync(NpgsqlTransaction transaction, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        var status = await transaction.Connection!.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT status FROM mails WHERE id = @id FOR UPDATE", new { id }, transaction, cancellationToken: ct));
        if (status == MailStatus.Failed)
            await transaction.Connection!.ExecuteAsync(new CommandDefinition(
                "UPDATE mails SET status = 'pending', attempts = 0, next_attempt_at = @now WHERE id = @id",
                new { id, now }, transaction, cancellationToken: ct));
        return status;
    }

    /// <summary>Sends every failed mail again; returns how many.</summary>
    public Task<int> ResendFailedAsync(NpgsqlTransaction transaction, DateTimeOffset now, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE mails SET status = 'pending', attempts = 0, next_attempt_at = @now WHERE status = 'failed'",
            new { now }, transaction, cancellationToken: ct));

    /// <summary>Sent and skipped mails older than <paramref name="before"/> go (housekeeping); their keys no longer block a
    /// repeat of so old an event, which the inbox and the events' own time guards already absorb.</summary>
    public Task<int> DeleteDoneBeforeAsync(NpgsqlTransaction transaction, DateTimeOffset before, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "DELETE FROM mails WHERE status IN ('sent', 'skipped') AND created_at < @before", new { before }, transaction, cancellationToken: ct));
}
