namespace Studios.Stewardship.Data;

/// <summary>Writes the health read model from other services' events. Every write is an upsert keyed by the event's own
/// ids and guarded by its timestamps, so a redelivery, a republished event or an out-of-order arrival changes nothing twice.</summary>
public sealed class ActivityRepository
{
    public async Task MemberJoinedAsync(NpgsqlTransaction transaction, Guid studioId, Guid personId, string role,
        DateTimeOffset at, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO studio_members (studio_id, person_id, role, role_changed_at, joined_at)
            VALUES (@studioId, @personId, @role, @at, @at)
            ON CONFLICT (studio_id, person_id) DO UPDATE
            SET joined_at = greatest(studio_members.joined_at, excluded.joined_at),
                role = CASE WHEN excluded.role_changed_at >= studio_members.role_changed_at THEN excluded.role ELSE studio_members.role END,
                role_changed_at = greatest(studio_members.role_changed_at, excluded.role_changed_at);
            INSERT INTO member_movements (studio_id, person_id, kind, occurred_at)
            VALUES (@studioId, @personId, 'joined', @at)
            ON CONFLICT DO NOTHING;
            """;
        await Execute(transaction, sql, new { studioId, personId, role, at }, ct);
    }

    public async Task MemberLeftAsync(NpgsqlTransaction transaction, Guid studioId, Guid personId, string role,
        DateTimeOffset at, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO studio_members (studio_id, person_id, role, role_changed_at, left_at)
            VALUES (@studioId, @personId, @role, '-infinity', @at)
            ON CONFLICT (studio_id, person_id) DO UPDATE
            SET left_at = greatest(studio_members.left_at, excluded.left_at);
            INSERT INTO member_movements (studio_id, person_id, kind, occurred_at)
            VALUES (@studioId, @personId, 'left', @at)
            ON CONFLICT DO NOTHING;
            """;
        await Execute(transaction, sql, new { studioId, personId, role, at }, ct);
    }

    public async Task MemberRoleChangedAsync(NpgsqlTransaction transaction, Guid studioId, Guid personId, string role,
        DateTimeOffset at, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO studio_members (studio_id, person_id, role, role_changed_at)
            VALUES (@studioId, @personId, @role, @at)
            ON CONFLICT (studio_id, person_id) DO UPDATE
            SET role = excluded.role, role_changed_at = excluded.role_changed_at
            WHERE studio_members.role_changed_at <= excluded.role_changed_at;
            """;
        await Execute(transaction, sql, new { studioId, personId, role, at }, ct);
    }

    public async Task SessionScheduledAsync(NpgsqlTransaction transaction, Guid sessionId, Guid studioId, DateTimeOffset startsAt,
        CancellationToken ct)
    {
        // A reschedule, cancellation or report that arrived first already knows more: keep it.
        const string sql = """
            INSERT INTO studio_sessions (session_id, studio_id, starts_at) VALUES (@sessionId, @studioId, @startsAt)
            ON CONFLICT (session_id) DO NOTHING
            """;
        await Execute(transaction, sql, new { sessionId, studioId, startsAt }, ct);
    }

    public async Task SessionRescheduledAsync(NpgsqlTransaction transaction, Guid sessionId, Guid studioId, DateTimeOffset startsAt,
        int sequence, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO studio_sessions (session_id, studio_id, starts_at, reschedule_sequence)
            VALUES (@sessionId, @studioId, @startsAt, @sequence)
            ON CONFLICT (session_id) DO UPDATE
            SET starts_at = excluded.starts_at, reschedule_sequence = excluded.reschedule_sequence
            WHERE studio_sessions.reschedule_sequence < excluded.reschedule_sequence AND studio_sessions.held_at IS NULL
            """;
        await Execute(transaction, sql, new { sessionId, studioId, startsAt, sequence }, ct);
    }

    public async Task SessionCancelledAsync(NpgsqlTransaction transaction, Guid sessionId, Guid studioId, DateTimeOffset startsAt,
        DateTimeOffset at, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO studio_sessions (session_id, studio_id, starts_at, cancelled_at)
            VALUES (@sessionId, @studioId, @startsAt, @at)
            ON CONFLICT (session_id) DO UPDATE
            SET cancelled_at = coalesce(studio_sessions.cancelled_at, excluded.cancelled_at)
            """;
        await Execute(transaction, sql, new { sessionId, studioId, startsAt, at }, ct);
    }

    /// <summary>A held session's report; a later correction (same session, newer OccurredAt) replaces the counts.</summary>
    public async Task SessionHeldAsync(NpgsqlTransaction transaction, Guid sessionId, Guid studioId, DateTimeOffset startsAt,
        int present, int late, int excused, int absent, DateTimeOffset at, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO studio_sessions (session_id, studio_id, starts_at, held_at, present, late, excused, absent)
            VALUES (@sessionId, @studioId, @startsAt, @at, @present, @late, @excused, @absent)
            ON CONFLICT (session_id) DO UPDATE
            SET starts_at = excluded.starts_at, held_at = excluded.held_at, present = excluded.present,
                late = excluded.late, excused = excluded.excused, absent = excluded.absent
            WHERE studio_sessions.held_at IS NULL OR studio_sessions.held_at <= excluded.held_at
            """;
        await Execute(transaction, sql, new { sessionId, studioId, startsAt, present, late, excused, absent, at }, ct);
    }

    /// <summary>One person's attendance; a later correction replaces the status.</summary>
    public async Task AttendanceRecordedAsync(NpgsqlTransaction transaction, Guid sessionId, Guid studioId, Guid personId,
        string status, DateTimeOffset sessionStartsAt, DateTimeOffset at, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO session_attendance (session_id, person_id, studio_id, status, session_starts_at, recorded_at)
            VALUES (@sessionId, @personId, @studioId, @status, @sessionStartsAt, @at)
            ON CONFLICT (session_id, person_id) DO UPDATE
            SET status = excluded.status, session_starts_at = excluded.session_starts_at, recorded_at = excluded.recorded_at
            WHERE session_attendance.recorded_at <= excluded.recorded_at
            """;
        await Execute(transaction, sql, new { sessionId, studioId, personId, status, sessionStartsAt, at }, ct);
    }

    public async Task ReflectionSharedAsync(NpgsqlTransaction transaction, Guid reflectionId, Guid studioId, Guid personId,
        DateTimeOffset at, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO shared_reflections (reflection_id, studio_id, person_id, shared_at)
            VALUES (@reflectionId, @studioId, @personId, @at)
            ON CONFLICT (reflection_id) DO NOTHING
            """;
        await Execute(transaction, sql, new { reflectionId, studioId, personId, at }, ct);
    }

    /// <summary>Whether the roster (as this service last heard it) has the person as an active facilitator or co-facilitator.</summary>
    public Task<bool> IsFacilitatorAsync(NpgsqlConnection connection, Guid studioId, Guid personId, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
            SELECT EXISTS (
                SELECT 1 FROM studio_members
                WHERE studio_id = @studioId AND person_id = @personId AND role IN ('facilitator', 'co-facilitator')
                  AND joined_at IS NOT NULL AND (left_at IS NULL OR joined_at > left_at))
            """, new { studioId, personId }, cancellationToken: ct));

    private static Task<int> Execute(NpgsqlTransaction transaction, string sql, object parameters, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: ct));
}
