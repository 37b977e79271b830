namespace Studios.PracticeContent.Data;

/// <summary>Practice usage from held sessions: per-session rows, and totals recomputed from them.</summary>
public sealed class UsageRepository
{
    /// <summary>Replaces what <paramref name="session"/> contributed (a correction replaces, never adds) and recomputes the
    /// totals of every practice version it touches, before and after. False when a newer report was already applied.</summary>
    public async Task<bool> ApplySessionAsync(NpgsqlTransaction transaction, HeldSession session, CancellationToken ct)
    {
        var connection = transaction.Connection!;
        var previous = (await connection.QueryAsync<(Guid PracticeId, int Version)>(new CommandDefinition("""
            SELECT practice_id, version FROM session_practice_usage WHERE session_id = @SessionId
            """, new { session.SessionId }, transaction, cancellationToken: ct))).ToList();

        var applied = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO held_sessions (session_id, studio_id, starts_at, attendees, as_of)
            VALUES (@SessionId, @StudioId, @StartsAt, @Attendees, @AsOf)
            ON CONFLICT (session_id) DO UPDATE
            SET studio_id = excluded.studio_id, starts_at = excluded.starts_at, attendees = excluded.attendees, as_of = excluded.as_of
            WHERE held_sessions.as_of <= excluded.as_of
            """, new { session.SessionId, session.StudioId, StartsAt = session.StartsAt.ToUniversalTime(), session.Attendees, AsOf = session.AsOf.ToUniversalTime() },
            transaction, cancellationToken: ct));
        if (applied == 0) return false;

        var used = session.Practices.Distinct().ToList();
        await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM session_practice_usage WHERE session_id = @sessionId;
            INSERT INTO session_practice_usage (session_id, practice_id, version)
            SELECT @sessionId, pin.practice_id, pin.version FROM unnest(@ids, @versions) AS pin(practice_id, version);
            """, new
        {
            sessionId = session.SessionId,
            ids = used.Select(p => p.PracticeId).ToArray(),
            versions = used.Select(p => p.Version).ToArray(),
        }, transaction, cancellationToken: ct));

        var touched = previous.Concat(used).Distinct().ToList();
        // Sessions are consumed concurrently: lock each touched practice's totals row (in id order, so two sessions
        // cannot deadlock) before recomputing, so the recount sees every other session committed before it.
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO practice_usage (practice_id, times_practised, studios, attendees)
            SELECT DISTINCT practice_id, 0, 0, 0 FROM unnest(@ids) AS t(practice_id) ORDER BY practice_id
            ON CONFLICT (practice_id) DO NOTHING;
            SELECT practice_id FROM practice_usage WHERE practice_id = ANY(@ids) ORDER BY practice_id FOR UPDATE;
            """, new { ids = touched.Select(p => p.PracticeId).Distinct().ToArray() }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("""
            WITH touched AS (SELECT * FROM unnest(@ids, @versions) AS t(practice_id, version)),
            version_totals AS (
                SELECT t.practice_id, t.version, count(s.session_id)::int AS times, count(DISTINCT s.studio_id)::int AS studios,
                       coalesce(sum(s.attendees), 0)::bigint AS attendees, max(s.starts_at) AS last_at
                FROM touched t
                LEFT JOIN session_practice_usage u ON u.practice_id = t.practice_id AND u.version = t.version
                LEFT JOIN held_sessions s ON s.session_id = u.session_id
                GROUP BY t.practice_id, t.version)
            INSERT INTO practice_version_usage (practice_id, version, times_practised, studios, attendees, last_practised_at)
            SELECT practice_id, version, times, studios, attendees, last_at FROM version_totals
            ON CONFLICT (practice_id, version) DO UPDATE
            SET times_practised = excluded.times_practised, studios = excluded.studios,
                attendees = excluded.attendees, last_practised_at = excluded.last_practised_at;

            WITH touched AS (SELECT DISTINCT practice_id FROM unnest(@ids) AS t(practice_id)),
            practice_totals AS (
                SELECT t.practice_id, count(DISTINCT u.session_id)::int AS times, count(DISTINCT s.studio_id)::int AS studios,
                       coalesce(sum(s.attendees), 0)::bigint AS attendees, max(s.starts_at) AS last_at
                FROM touched t
                LEFT JOIN session_practice_usage u ON u.practice_id = t.practice_id
                LEFT JOIN held_sessions s ON s.session_id = u.session_id
                GROUP BY t.practice_id)
            INSERT INTO practice_usage (practice_id, times_practised, studios, attendees, last_practised_at)
            SELECT practice_id, times, studios, attendees, last_at FROM practice_totals
            ON CONFLICT (practice_id) DO UPDATE
            SET times_practised = excluded.times_practised, studios = excluded.studios,
                attendees = excluded.attendees, last_practised_at = excluded.last_practised_at;
            """, new
        {
            ids = touched.Select(p => p.PracticeId).ToArray(),
            versions = touched.Select(p => p.Version).ToArray(),
        }, transaction, cancellationToken: ct));
        return true;
    }

    public async Task<UsageRow> ForPracticeAsync(NpgsqlConnection connection, Guid practiceId, CancellationToken ct) =>
        await connection.QuerySingleOrDefaultAsync<UsageRow>(new CommandDefinition("""
            SELECT times_practised AS TimesPractised, studios AS Studios, attendees AS Attendees, last_practised_at AS LastPractisedAt
            FROM practice_usage WHERE practice_id = @practiceId
            """, new { practiceId }, cancellationToken: ct)) ?? UsageRow.None;

    public async Task<IReadOnlyDictionary<int, UsageRow>> ByVersionAsync(NpgsqlConnection connection, Guid practiceId, CancellationToken ct) =>
        (await connection.QueryAsync<(int Version, int TimesPractised, int Studios, long Attendees, DateTime? LastPractisedAt)>(new CommandDefinition("""
            SELECT version, times_practised, studios, attendees, last_practised_at
            FROM practice_version_usage WHERE practice_id = @practiceId
            """, new { practiceId }, cancellationToken: ct)))
        .ToDictionary(row => row.Version, row => new UsageRow(row.TimesPractised, row.Studios, row.Attendees, row.LastPractisedAt));
}

/// <summary>A held session as SessionHeld reports it.</summary>
public sealed record HeldSession(Guid SessionId, Guid StudioId, DateTimeOffset StartsAt, int Attendees, DateTimeOffset AsOf,
    IReadOnlyList<(Guid PracticeId, int Version)> Practices);

public sealed record UsageRow(int TimesPractised, int Studios, long Attendees, DateTime? LastPractisedAt)
{
    public static readonly UsageRow None = new(0, 0, 0, null);
}
