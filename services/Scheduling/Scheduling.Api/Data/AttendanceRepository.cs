namespace Studios.Scheduling.Data;

public sealed class AttendanceRepository
{
    public async Task<IReadOnlyList<AttendanceRow>> ListAsync(NpgsqlConnection connection, Guid sessionId, NpgsqlTransaction? tx = null,
        CancellationToken ct = default) =>
        (await connection.QueryAsync<AttendanceRow>(new CommandDefinition("""
            SELECT person_id AS PersonId, status AS Status, recorded_by AS RecordedBy, recorded_at AS RecordedAt
            FROM attendance WHERE session_id = @sessionId ORDER BY person_id
            """, new { sessionId }, tx, cancellationToken: ct))).ToList();

    /// <summary>Records or corrects one person's attendance; true when it changed anything.</summary>
    public async Task<bool> UpsertAsync(NpgsqlTransaction tx, Guid sessionId, Guid personId, string status, Guid recordedBy, CancellationToken ct) =>
        await tx.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO attendance (session_id, person_id, status, recorded_by) VALUES (@sessionId, @personId, @status, @recordedBy)
            ON CONFLICT (session_id, person_id) DO UPDATE SET status = EXCLUDED.status, recorded_by = EXCLUDED.recorded_by, recorded_at = now()
            WHERE attendance.status <> EXCLUDED.status
            """, new { sessionId, personId, status, recordedBy }, tx, cancellationToken: ct)) > 0;

    /// <summary>Which of <paramref name="personIds"/> may have attendance recorded: members of the studio, or people who
    /// answered for this session (they may have left since).</summary>
    public async Task<IReadOnlySet<Guid>> EligibleAsync(NpgsqlTransaction tx, Guid sessionId, Guid studioId, IReadOnlyList<Guid> personIds,
        CancellationToken ct) =>
        (await tx.Connection!.QueryAsync<Guid>(new CommandDefinition("""
            SELECT p FROM unnest(@personIds) AS p
            WHERE EXISTS (SELECT 1 FROM studio_members m WHERE m.studio_id = @studioId AND m.person_id = p AND m.active)
               OR EXISTS (SELECT 1 FROM rsvps r WHERE r.session_id = @sessionId AND r.person_id = p)
            """, new { sessionId, studioId, personIds = personIds.ToArray() }, tx, cancellationToken: ct))).ToHashSet();
}
