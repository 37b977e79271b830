using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Data;

/// <summary>The local read model of studios and their rosters, fed by Stewardship's and Membership's events.</summary>
public sealed class StudioRepository
{
    public async Task<StudioRow?> FindAsync(NpgsqlConnection connection, Guid studioId, CancellationToken ct, NpgsqlTransaction? transaction = null) =>
        await connection.QuerySingleOrDefaultAsync<StudioRow>(new CommandDefinition("""
            SELECT studio_id AS StudioId, name AS Name, approved_at AS ApprovedAt, retired_at AS RetiredAt
            FROM studios WHERE studio_id = @studioId
            """, new { studioId }, transaction, cancellationToken: ct));

    /// <summary>The person's active role in the studio, or null when not a member.</summary>
    public async Task<string?> RoleAsync(NpgsqlConnection connection, Guid studioId, Guid personId, CancellationToken ct, NpgsqlTransaction? transaction = null) =>
        await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition("""
            SELECT role FROM studio_members WHERE studio_id = @studioId AND person_id = @personId AND active
            """, new { studioId, personId }, transaction, cancellationToken: ct));

    public async Task<bool> FacilitatesAsync(NpgsqlConnection connection, Guid studioId, Guid personId, CancellationToken ct, NpgsqlTransaction? transaction = null) =>
        await RoleAsync(connection, studioId, personId, ct, transaction) is { } role && RosterRules.Facilitates(role);

    public async Task ApproveAsync(NpgsqlTransaction transaction, Guid studioId, string name, DateTimeOffset approvedAt, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO studios (studio_id, name, approved_at) VALUES (@studioId, @name, @approvedAt)
            ON CONFLICT (studio_id) DO UPDATE SET name = excluded.name, approved_at = excluded.approved_at
            """, new { studioId, name, approvedAt = approvedAt.ToUniversalTime() }, transaction, cancellationToken: ct));

    public async Task RetireAsync(NpgsqlTransaction transaction, Guid studioId, DateTimeOffset retiredAt, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO studios (studio_id, retired_at) VALUES (@studioId, @retiredAt)
            ON CONFLICT (studio_id) DO UPDATE SET retired_at = coalesce(studios.retired_at, excluded.retired_at)
            """, new { studioId, retiredAt = retiredAt.ToUniversalTime() }, transaction, cancellationToken: ct));

    /// <summary>Sets a roster row unless a newer event already did, or the person was erased.</summary>
    public async Task SetMemberAsync(
        NpgsqlTransaction transaction, Guid studioId, Guid personId, string role, bool active, DateTimeOffset asOf, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO studio_members (studio_id, person_id, role, active, as_of)
            SELECT @studioId, @personId, @role, @active, @asOf
            WHERE NOT EXISTS (SELECT 1 FROM erased_people WHERE person_id = @personId)
            ON CONFLICT (studio_id, person_id) DO UPDATE
            SET role = excluded.role, active = excluded.active, as_of = excluded.as_of
            WHERE studio_members.as_of <= excluded.as_of
            """, new { studioId, personId, role, active, asOf = asOf.ToUniversalTime() }, transaction, cancellationToken: ct));
}

public sealed record StudioRow(Guid StudioId, string? Name, DateTime? ApprovedAt, DateTime? RetiredAt)
{
    public bool Retired => RetiredAt is not null;
}
