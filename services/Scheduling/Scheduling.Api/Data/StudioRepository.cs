namespace Studios.Scheduling.Data;

/// <summary>The studio and roster read models. Every write applies an event only if it is not older than what the row
/// already reflects (as_of), so events arriving out of order converge on the latest facts.</summary>
public sealed class StudioRepository
{
    public async Task<StudioRow?> GetAsync(NpgsqlConnection connection, Guid studioId, NpgsqlTransaction? tx = null, CancellationToken ct = default) =>
        await connection.QuerySingleOrDefaultAsync<StudioRow>(new CommandDefinition("""
            SELECT id AS Id, name AS Name, time_zone AS TimeZone, capacity AS Capacity, status AS Status
            FROM studios WHERE id = @studioId
            """, new { studioId }, tx, cancellationToken: ct));

    /// <summary>The person's role in the studio while they are an active member; null otherwise.</summary>
    public async Task<string?> RoleAsync(NpgsqlConnection connection, Guid studioId, Guid personId, NpgsqlTransaction? tx = null, CancellationToken ct = default) =>
        await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition("""
            SELECT role FROM studio_members WHERE studio_id = @studioId AND person_id = @personId AND active
            """, new { studioId, personId }, tx, cancellationToken: ct));

    /// <summary>Studios where the person is an active member.</summary>
    public async Task<IReadOnlyList<StudioRow>> OfMemberAsync(NpgsqlConnection connection, Guid personId, CancellationToken ct = default) =>
        (await connection.QueryAsync<StudioRow>(new CommandDefinition("""
            SELECT s.id AS Id, s.name AS Name, s.time_zone AS TimeZone, s.capacity AS Capacity, s.status AS Status
            FROM studio_members m JOIN studios s ON s.id = m.studio_id
            WHERE m.person_id = @personId AND m.active
            ORDER BY s.id
            """, new { personId }, cancellationToken: ct))).ToList();

    /// <summary>Records the studio's details (approval) without touching a newer status.</summary>
    public Task ApproveAsync(NpgsqlTransaction tx, Guid studioId, string name, string timeZone, int capacity, DateTimeOffset occurredAt, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO studios (id, name, time_zone, capacity, status, as_of)
            VALUES (@studioId, @name, @timeZone, @capacity, 'active', @occurredAt)
            ON CONFLICT (id) DO UPDATE SET
                name = EXCLUDED.name, time_zone = EXCLUDED.time_zone, capacity = EXCLUDED.capacity,
                status = CASE WHEN studios.as_of <= EXCLUDED.as_of AND studios.status <> 'retired' THEN 'active' ELSE studios.status END,
                as_of = greatest(studios.as_of, EXCLUDED.as_of)
            """, new { studioId, name, timeZone, capacity, occurredAt }, tx, cancellationToken: ct));

    /// <summary>Sets the status if the event is the newest known; retired is final. True when it changed.</summary>
    public async Task<bool> SetStatusAsync(NpgsqlTransaction tx, Guid studioId, string status, DateTimeOffset occurredAt, CancellationToken ct) =>
        await tx.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO studios (id, status, as_of) VALUES (@studioId, @status, @occurredAt)
            ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, as_of = EXCLUDED.as_of
            WHERE studios.status <> 'retired' AND (studios.as_of <= EXCLUDED.as_of OR EXCLUDED.status = 'retired')
            """, new { studioId, status, occurredAt }, tx, cancellationToken: ct)) > 0;

    /// <summary>Applies a membership event (join, role change, leave) if it is the newest known about that membership.</summary>
    public async Task<bool> SetMemberAsync(NpgsqlTransaction tx, Guid studioId, Guid personId, string role, bool active,
        DateTimeOffset occurredAt, CancellationToken ct) =>
        await tx.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO studio_members (studio_id, person_id, role, active, as_of)
            SELECT @studioId, @personId, @role, @active, @occurredAt
            WHERE NOT EXISTS (SELECT 1 FROM erased_people WHERE person_id = @personId)
            ON CONFLICT (studio_id, person_id) DO UPDATE SET role = EXCLUDED.role, active = EXCLUDED.active, as_of = EXCLUDED.as_of
            WHERE studio_members.as_of <= EXCLUDED.as_of
            """, new { studioId, personId, role, active, occurredAt }, tx, cancellationToken: ct)) > 0;
}
