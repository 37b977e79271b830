namespace Studios.Scheduling.Data;

public sealed class RsvpRepository
{
    private const string Select = """
        SELECT r.session_id AS SessionId, r.person_id AS PersonId, r.status AS Status, r.via_series AS ViaSeries,
               r.responded_at AS RespondedAt,
               CASE WHEN r.status = 'waitlisted' THEN
                   (SELECT count(*) FROM rsvps w WHERE w.session_id = r.session_id AND w.status = 'waitlisted' AND w.queued_at <= r.queued_at)
               END AS WaitlistPosition
        FROM rsvps r
        """;

    public async Task<RsvpRow?> GetAsync(NpgsqlConnection connection, Guid sessionId, Guid personId, NpgsqlTransaction? tx = null,
        CancellationToken ct = default) =>
        await connection.QuerySingleOrDefaultAsync<RsvpRow>(new CommandDefinition(
            $"{Select} WHERE r.session_id = @sessionId AND r.person_id = @personId", new { sessionId, personId }, tx, cancellationToken: ct));

    /// <summary>Everyone's answer: going first, then the waitlist in order, then the noes.</summary>
    public async Task<IReadOnlyList<RsvpRow>> ListAsync(NpgsqlConnection connection, Guid sessionId, CancellationToken ct) =>
        (await connection.QueryAsync<RsvpRow>(new CommandDefinition($"""
            {Select} WHERE r.session_id = @sessionId
            ORDER BY CASE r.status WHEN 'going' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, r.queued_at
            """, new { sessionId }, cancellationToken: ct))).ToList();

    /// <summary>Who answered going or is on the waitlist: those a cancellation or a move is announced to.</summary>
    public async Task<IReadOnlyList<Guid>> ComingAsync(NpgsqlTransaction tx, Guid sessionId, CancellationToken ct) =>
        (await tx.Connection!.QueryAsync<Guid>(new CommandDefinition(
            "SELECT person_id FROM rsvps WHERE session_id = @sessionId AND status IN ('going', 'waitlisted') ORDER BY person_id",
            new { sessionId }, tx, cancellationToken: ct))).AsList();

    public async Task<int> GoingAsync(NpgsqlTransaction tx, Guid sessionId, CancellationToken ct) =>
        await tx.Connection!.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*)::int FROM rsvps WHERE session_id = @sessionId AND status = 'going'", new { sessionId }, tx, cancellationToken: ct));

    public async Task<int> WaitlistedAsync(NpgsqlTransaction tx, Guid sessionId, CancellationToken ct) =>
        await tx.Connection!.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*)::int FROM rsvps WHERE session_id = @sessionId AND status = 'waitlisted'", new { sessionId }, tx, cancellationToken: ct));

    /// <summary>Records an answer; joining the waitlist (again) puts the person at its end.</summary>
    public Task SetAsync(NpgsqlTransaction tx, Guid sessionId, Guid personId, string status, bool viaSeries, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO rsvps (session_id, person_id, status, via_series) VALUES (@sessionId, @personId, @status, @viaSeries)
            ON CONFLICT (session_id, person_id) DO UPDATE SET status = EXCLUDED.status, via_series = EXCLUDED.via_series,
                responded_at = now(), queued_at = CASE WHEN rsvps.status <> EXCLUDED.status THEN nextval('rsvp_queue') ELSE rsvps.queued_at END
            """, new { sessionId, personId, status, viaSeries }, tx, cancellationToken: ct));

    /// <summary>Gives places to the <paramref name="count"/> longest-waiting people.</summary>
    public async Task<IReadOnlyList<Guid>> PromoteAsync(NpgsqlTransaction tx, Guid sessionId, int count, CancellationToken ct) =>
        count <= 0 ? [] : (await tx.Connection!.QueryAsync<Guid>(new CommandDefinition("""
            UPDATE rsvps SET status = 'going'
            WHERE session_id = @sessionId AND person_id IN (
                SELECT person_id FROM rsvps WHERE session_id = @sessionId AND status = 'waitlisted' ORDER BY queued_at LIMIT @count)
            RETURNING person_id
            """, new { sessionId, count }, tx, cancellationToken: ct))).ToList();

    /// <summary>Removes the person's answers for sessions that have not started (of one studio, or all); returns the sessions
    /// where they held a place, which now has to go to the waitlist.</summary>
    public async Task<IReadOnlyList<Guid>> DropUpcomingAsync(NpgsqlTransaction tx, Guid personId, Guid? studioId, DateTimeOffset now,
        CancellationToken ct) =>
        (await tx.Connection!.QueryAsync<Guid?>(new CommandDefinition("""
            DELETE FROM rsvps r USING sessions s
            WHERE r.session_id = s.id AND r.person_id = @personId AND s.starts_at > @now
              AND (@studioId::uuid IS NULL OR s.studio_id = @studioId)
            RETURNING CASE WHEN r.status = 'going' THEN s.id END
            """, new { personId, studioId, now }, tx, cancellationToken: ct))).OfType<Guid>().Distinct().ToList();

    public Task DropStandingAsync(NpgsqlTransaction tx, Guid personId, Guid? studioId, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition("""
            DELETE FROM series_rsvps r USING series s
            WHERE r.series_id = s.id AND r.person_id = @personId AND (@studioId::uuid IS NULL OR s.studio_id = @studioId)
            """, new { personId, studioId }, tx, cancellationToken: ct));
}
