namespace Studios.Notifications.Data;

/// <summary>Reminders scheduled in the database, so a restart loses or repeats none; due ones are claimed with
/// FOR UPDATE SKIP LOCKED, so several instances share them and each goes to one.</summary>
public sealed class ReminderRepository
{
    /// <summary>The person's reminders for the session become exactly <paramref name="dueTimes"/>.</summary>
    public async Task ReplaceAsync(NpgsqlTransaction transaction, Guid sessionId, Guid personId, DateTimeOffset startsAt,
        IReadOnlyList<(int MinutesBefore, DateTimeOffset DueAt)> dueTimes, CancellationToken ct)
    {
        var connection = transaction.Connection!;
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM reminders WHERE session_id = @sessionId AND person_id = @personId",
            new { sessionId, personId }, transaction, cancellationToken: ct));
        if (dueTimes.Count == 0) return;
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO reminders (session_id, person_id, minutes_before, due_at, starts_at)
            SELECT @sessionId, @personId, reminder.minutes, reminder.due_at, @startsAt
            FROM unnest(@minutes, @dueAt) AS reminder(minutes, due_at)
            """, new
        {
            sessionId, personId, startsAt,
            minutes = dueTimes.Select(d => d.MinutesBefore).ToArray(),
            dueAt = dueTimes.Select(d => d.DueAt.UtcDateTime).ToArray(),
        }, transaction, cancellationToken: ct));
    }

    public Task DeleteOfSessionAsync(NpgsqlTransaction transaction, Guid sessionId, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "DELETE FROM reminders WHERE session_id = @sessionId", new { sessionId }, transaction, cancellationToken: ct));

    public Task DeleteOfPersonInStudioAsync(NpgsqlTransaction transaction, Guid personId, Guid studioId, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            DELETE FROM reminders r USING sessions s
            WHERE r.session_id = s.session_id AND r.person_id = @personId AND s.studio_id = @studioId
            """, new { personId, studioId }, transaction, cancellationToken: ct));

    /// <summary>Due reminders, oldest first, locked for this transaction; rows another instance holds are skipped.</summary>
    public async Task<IReadOnlyList<ReminderRow>> ClaimDueAsync(NpgsqlTransaction transaction, DateTimeOffset now, int limit,
        CancellationToken ct) =>
        (await transaction.Connection!.QueryAsync<ReminderRow>(new CommandDefinition("""
            SELECT session_id AS SessionId, person_id AS PersonId, minutes_before AS MinutesBefore, due_at AS DueAt, starts_at AS StartsAt
            FROM reminders WHERE due_at <= @now
            ORDER BY due_at
            LIMIT @limit
            FOR UPDATE SKIP LOCKED
            """, new { now, limit }, transaction, cancellationToken: ct))).AsList();

    public Task DeleteAsync(NpgsqlTransaction transaction, ReminderRow reminder, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            DELETE FROM reminders WHERE session_id = @SessionId AND person_id = @PersonId AND minutes_before = @MinutesBefore
            """, reminder, transaction, cancellationToken: ct));

    /// <summary>The person's reminders, soonest first (what the tests and operators look at).</summary>
    public async Task<IReadOnlyList<ReminderRow>> OfPersonAsync(NpgsqlConnection connection, Guid personId, CancellationToken ct) =>
        (await connection.QueryAsync<ReminderRow>(new CommandDefinition("""
            SELECT session_id AS SessionId, person_id AS PersonId, minutes_before AS MinutesBefore, due_at AS DueAt, starts_at AS StartsAt
            FROM reminders WHERE person_id = @personId ORDER BY due_at
            """, new { personId }, cancellationToken: ct))).AsList();
}
