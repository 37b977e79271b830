namespace Studios.Stewardship.Data;

/// <summary>The network overview's queries: members and sessions across active studios, and the studios needing attention.</summary>
public sealed class OverviewRepository
{
    public Task<NetworkFigures> FiguresAsync(NpgsqlConnection connection, DateTimeOffset now, CancellationToken ct) =>
        connection.QuerySingleAsync<NetworkFigures>(new CommandDefinition("""
            SELECT
                (SELECT count(*) FROM studio_members m JOIN studios s ON s.id = m.studio_id
                 WHERE s.state = 'active' AND m.joined_at IS NOT NULL AND (m.left_at IS NULL OR m.joined_at > m.left_at)) AS Memberships,
                (SELECT count(DISTINCT m.person_id) FROM studio_members m JOIN studios s ON s.id = m.studio_id
                 WHERE s.state = 'active' AND m.joined_at IS NOT NULL AND (m.left_at IS NULL OR m.joined_at > m.left_at)) AS People,
                (SELECT count(*) FROM studio_sessions WHERE held_at IS NOT NULL AND starts_at > @week AND starts_at <= @now) AS SessionsHeldLast7Days,
                (SELECT count(*) FROM studio_sessions WHERE held_at IS NOT NULL AND starts_at > @month AND starts_at <= @now) AS SessionsHeldLast30Days
            """, new { now, week = now.AddDays(-7), month = now.AddDays(-30) }, cancellationToken: ct));

    /// <summary>Active studios in <paramref name="healthState"/>, worst (lowest score, longest in that state) first.</summary>
    public async Task<IReadOnlyList<StudioAtRisk>> InStateAsync(NpgsqlConnection connection, string healthState, int limit,
        CancellationToken ct) =>
        (await connection.QueryAsync<StudioAtRisk>(new CommandDefinition("""
            SELECT s.id AS StudioId, s.name AS Name, h.state AS HealthState, h.score AS Score, h.reasons::text AS Reasons,
                   h.changed_at AS Since
            FROM studio_health h JOIN studios s ON s.id = h.studio_id
            WHERE s.state = 'active' AND h.state = @healthState
            ORDER BY h.score, h.changed_at, s.id
            LIMIT @limit
            """, new { healthState, limit }, cancellationToken: ct))).AsList();
}
