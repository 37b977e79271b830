namespace Studios.Notifications.Data;

/// <summary>Sessions and RSVPs from Scheduling's events, each row kept with the time of the event that last changed it.</summary>
public sealed class SessionRepository
{
    private const string Columns = """
        session_id AS SessionId, studio_id AS StudioId, title AS Title, starts_at AS StartsAt, ends_at AS EndsAt, cancelled AS Cancelled
        """;

    /// <summary>Takes the session's turn until the transaction ends: the consumers of its schedule and of its answers run
    /// in parallel, and each must see what the other committed (else an answer and its session, consumed at the same
    /// moment, would each miss the other and plan no reminder).</summary>
    public Task LockAsync(NpgsqlTransaction transaction, Guid sessionId, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", new { key = $"session:{sessionId}" }, transaction, cancellationToken: ct));

    /// <summary>A session scheduled (or restored after a pause: it is no longer cancelled); false if a newer event was recorded.</summary>
    public async Task<bool> ScheduleAsync(NpgsqlTransaction transaction, Guid sessionId, Guid studioId, string title, DateTimeOffset startsAt,
        DateTimeOffset endsAt, DateTimeOffset at, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO sessions (session_id, studio_id, title, starts_at, ends_at, cancelled, changed_at)
            VALUES (@sessionId, @studioId, @title, @startsAt, @endsAt, false, @at)
            ON CONFLICT (session_id) DO UPDATE SET title = EXCLUDED.title, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at,
                cancelled = false, changed_at = EXCLUDED.changed_at
            WHERE sessions.changed_at < EXCLUDED.changed_at
            """, new { sessionId, studioId, title, startsAt, endsAt, at }, transaction, cancellationToken: ct)) > 0;

    public async Task<bool> RescheduleAsync(NpgsqlTransaction transaction, Guid sessionId, DateTimeOffset startsAt, DateTimeOffset endsAt,
        DateTimeOffset at, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE sessions SET starts_at = @startsAt, ends_at = @endsAt, changed_at = @at
            WHERE session_id = @sessionId AND changed_at < @at
            """, new { sessionId, startsAt, endsAt, at }, transaction, cancellationToken: ct)) > 0;

    /// <summary>Cancels the session; one not known yet is recorded as cancelled, so its late SessionScheduled cannot revive it.</summary>
    public async Task<bool> CancelAsync(NpgsqlTransaction transaction, Guid sessionId, Guid studioId, DateTimeOffset startsAt,
        DateTimeOffset at, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO sessions (session_id, studio_id, title, starts_at, ends_at, cancelled, changed_at)
            VALUES (@sessionId, @studioId, '', @startsAt, @startsAt, true, @at)
            ON CONFLICT (session_id) DO UPDATE SET cancelled = true, changed_at = EXCLUDED.changed_at
            WHERE sessions.changed_at < EXCLUDED.changed_at
            """, new { sessionId, studioId, startsAt, at }, transaction, cancellationToken: ct)) > 0;

    public Task<SessionRow?> FindAsync(NpgsqlConnection connection, Guid sessionId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<SessionRow>(new CommandDefinition(
            $"SELECT {Columns} FROM sessions WHERE session_id = @sessionId", new { sessionId }, cancellationToken: ct));

    /// <summary>Records an answer; false when a newer one was recorded already.</summary>
    public async Task<bool> SetRsvpAsync(NpgsqlTransaction transaction, Guid sessionId, Guid personId, string status, DateTimeOffset at,
        CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO rsvps (session_id, person_id, status, changed_at) VALUES (@sessionId, @personId, @status, @at)
            ON CONFLICT (session_id, person_id) DO UPDATE SET status = EXCLUDED.status, changed_at = EXCLUDED.changed_at
            WHERE rsvps.changed_at < EXCLUDED.changed_at
            """, new { sessionId, personId, status, at }, transaction, cancellationToken: ct)) > 0;

    public Task<string?> RsvpStatusAsync(NpgsqlConnection connection, Guid sessionId, Guid personId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT status FROM rsvps WHERE session_id = @sessionId AND person_id = @personId", new { sessionId, personId }, cancellationToken: ct));

    /// <summary>People whose answer is in <paramref name="statuses"/>.</summary>
    public async Task<IReadOnlyList<Guid>> AnsweredAsync(NpgsqlConnection connection, Guid sessionId, string[] statuses, CancellationToken ct) =>
        (await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT person_id FROM rsvps WHERE session_id = @sessionId AND status = ANY(@statuses) ORDER BY person_id",
            new { sessionId, statuses }, cancellationToken: ct))).AsList();

    /// <summary>The person's sessions ahead that they are going to (to re-plan their reminders).</summary>
    public async Task<IReadOnlyList<SessionRow>> UpcomingGoingAsync(NpgsqlConnection connection, Guid personId, DateTimeOffset now,
        CancellationToken ct) =>
        (await connection.QueryAsync<SessionRow>(new CommandDefinition($"""
            SELECT {Columns} FROM sessions
            WHERE starts_at > @now AND NOT cancelled
              AND session_id IN (SELECT session_id FROM rsvps WHERE person_id = @personId AND status = 'going')
            """, new { personId, now }, cancellationToken: ct))).AsList();

    /// <summary>Someone left a studio: Scheduling drops their answers for its sessions ahead, so they are not going any more.</summary>
    public Task NotGoingAnyMoreAsync(NpgsqlTransaction transaction, Guid personId, Guid studioId, DateTimeOffset now, DateTimeOffset at,
        CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE rsvps r SET status = 'not-going', changed_at = @at
            FROM sessions s
            WHERE r.session_id = s.session_id AND r.person_id = @personId AND s.studio_id = @studioId AND s.starts_at > @now
              AND r.changed_at < @at
            """, new { personId, studioId, now, at }, transaction, cancellationToken: ct));
}
