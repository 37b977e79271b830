using System.Text.Json;
using Studios.Stewardship.Domain.StudioHealth;

namespace Studios.Stewardship.Data;

/// <summary>Reads the facts the health rules need from the read model, and keeps each studio's last published state.</summary>
public sealed class StudioHealthRepository
{
    private const string InputsSql = """
        SELECT count(*) FILTER (WHERE active)::int AS ActiveMembers,
               count(*) FILTER (WHERE active AND role IN ('facilitator', 'co-facilitator'))::int AS ActiveFacilitators
        FROM (SELECT role, joined_at IS NOT NULL AND (left_at IS NULL OR joined_at > left_at) AS active
              FROM studio_members WHERE studio_id = @StudioId) m;

        SELECT count(*) FILTER (WHERE kind = 'joined')::int AS Joins, count(*) FILTER (WHERE kind = 'left')::int AS Leaves
        FROM member_movements
        WHERE studio_id = @StudioId AND occurred_at > @WindowStart AND occurred_at <= @Now;

        -- When Scheduling reported a session without counts, the attendance records stand in for them.
        SELECT s.session_id AS SessionId, s.starts_at AS StartsAt,
               CASE WHEN s.present + s.late + s.absent > 0 THEN s.present + s.late ELSE a.attended END AS Attended,
               CASE WHEN s.present + s.late + s.absent > 0 THEN s.present + s.late + s.absent ELSE a.expected END AS Expected
        FROM studio_sessions s
        CROSS JOIN LATERAL (
            SELECT count(*) FILTER (WHERE status IN ('present', 'late'))::int AS attended,
                   count(*) FILTER (WHERE status IN ('present', 'late', 'absent'))::int AS expected
            FROM session_attendance WHERE session_id = s.session_id) a
        WHERE s.studio_id = @StudioId AND s.held_at IS NOT NULL AND s.starts_at <= @Now
        ORDER BY s.starts_at DESC, s.session_id
        LIMIT @RecentSessions;

        SELECT count(*) FILTER (WHERE held_at IS NOT NULL)::int AS Held, count(*)::int AS Due
        FROM studio_sessions
        WHERE studio_id = @StudioId AND starts_at > @WindowStart
          AND ((held_at IS NOT NULL AND starts_at <= @Now) OR (held_at IS NULL AND starts_at <= @DueBefore));

        SELECT max(starts_at) FROM studio_sessions WHERE studio_id = @StudioId AND held_at IS NOT NULL AND starts_at <= @Now;

        -- People who left are no longer counted as core or newcomers.
        SELECT count(*) FILTER (WHERE recent >= @CoreAttendances)::int AS Core,
               count(*) FILTER (WHERE first_attended > @WindowStart)::int AS Newcomers,
               count(*) FILTER (WHERE first_attended > @WindowStart AND attended >= 2)::int AS Returned
        FROM (
            SELECT a.person_id,
                   count(*) FILTER (WHERE a.session_starts_at > @WindowStart) AS recent,
                   count(*) AS attended,
                   min(a.session_starts_at) AS first_attended
            FROM session_attendance a
            WHERE a.studio_id = @StudioId AND a.status IN ('present', 'late') AND a.session_starts_at <= @Now
              AND NOT EXISTS (
                  SELECT 1 FROM studio_members m
                  WHERE m.studio_id = a.studio_id AND m.person_id = a.person_id
                    AND m.left_at IS NOT NULL AND (m.joined_at IS NULL OR m.left_at >= m.joined_at))
            GROUP BY a.person_id) p;

        SELECT count(*)::int FROM shared_reflections
        WHERE studio_id = @StudioId AND shared_at > @ReflectionWindowStart AND shared_at <= @Now;
        """;

    public async Task<HealthInputs> LoadInputsAsync(NpgsqlConnection connection, Guid studioId, DateTimeOffset activeSince,
        DateTimeOffset now, CancellationToken ct, NpgsqlTransaction? transaction = null)
    {
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(InputsSql, new
        {
            StudioId = studioId,
            Now = now,
            WindowStart = now.AddDays(-HealthRules.WindowDays),
            ReflectionWindowStart = now.AddDays(-HealthRules.ReflectionWindowDays),
            DueBefore = now - HealthRules.CadenceGrace,
            RecentSessions = HealthRules.RecentSessionCount,
            HealthRules.CoreAttendances,
        }, transaction, cancellationToken: ct));

        var members = await results.ReadSingleAsync<(int ActiveMembers, int ActiveFacilitators)>();
        var movements = await results.ReadSingleAsync<(int Joins, int Leaves)>();
        var sessions = (await results.ReadAsync<HeldSession>()).AsList();
        var cadence = await results.ReadSingleAsync<(int Held, int Due)>();
        var lastHeld = await results.ReadSingleAsync<DateTime?>();
        var people = await results.ReadSingleAsync<(int Core, int Newcomers, int Returned)>();
        var reflections = await results.ReadSingleAsync<int>();

        return new HealthInputs
        {
            ActiveSince = activeSince,
            ActiveMembers = members.ActiveMembers,
            ActiveFacilitators = members.ActiveFacilitators,
            JoinsLast90Days = movements.Joins,
            LeavesLast90Days = movements.Leaves,
            RecentHeldSessions = sessions,
            SessionsHeldLast90Days = cadence.Held,
            SessionsDueLast90Days = cadence.Due,
            CoreMembers = people.Core,
            Newcomers = people.Newcomers,
            NewcomersReturned = people.Returned,
            ReflectionsLast30Days = reflections,
            LastSessionHeldAt = lastHeld is { } held ? new DateTimeOffset(DateTime.SpecifyKind(held, DateTimeKind.Utc)) : null,
        };
    }

    public Task<RecordedHealth?> GetAsync(NpgsqlConnection connection, Guid studioId, CancellationToken ct,
        NpgsqlTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<RecordedHealth>(new CommandDefinition("""
            SELECT state AS State, score AS Score, evaluated_at AS EvaluatedAt, changed_at AS ChangedAt
            FROM studio_health WHERE studio_id = @studioId
            """, new { studioId }, transaction, cancellationToken: ct));

    /// <summary>Stores the latest assessment; <c>changed_at</c> moves only when the state changed.</summary>
    public Task SaveAsync(NpgsqlTransaction transaction, Guid studioId, HealthAssessment assessment, DateTimeOffset now,
        CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO studio_health (studio_id, state, score, reasons, evaluated_at, changed_at)
            VALUES (@studioId, @State, @Score, @Reasons::jsonb, @now, @now)
            ON CONFLICT (studio_id) DO UPDATE
            SET changed_at = CASE WHEN studio_health.state = excluded.state THEN studio_health.changed_at ELSE excluded.changed_at END,
                state = excluded.state, score = excluded.score, reasons = excluded.reasons, evaluated_at = excluded.evaluated_at
            """, new
        {
            studioId,
            State = assessment.State.ToText(),
            assessment.Score,
            Reasons = JsonSerializer.Serialize(assessment.Reasons),
            now,
        }, transaction, cancellationToken: ct));

    /// <summary>Active studios per health state (every state present, zero when none).</summary>
    public async Task<IReadOnlyDictionary<HealthState, long>> CountByStateAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<(string State, long Count)>(new CommandDefinition("""
            SELECT h.state AS State, count(*) AS Count
            FROM studio_health h JOIN studios s ON s.id = h.studio_id
            WHERE s.state = 'active'
            GROUP BY h.state
            """, cancellationToken: ct));
        var counts = Enum.GetValues<HealthState>().ToDictionary(state => state, _ => 0L);
        foreach (var (state, count) in rows) counts[HealthStates.Parse(state)] = count;
        return counts;
    }
}
