using Studios.Stewardship.Domain;

namespace Studios.Stewardship.Data;

/// <summary>The steward pool and the studio ↔ steward assignments.</summary>
public sealed class StewardRepository
{
    // Any constant works; every instance must use the same one.
    private const long AssignmentLockKey = 0x5354_4557_4152_44; // "STEWARD"

    private const string Columns = """
        st.person_id AS PersonId, st.display_name AS DisplayName, st.max_studios AS MaxStudios,
        (SELECT count(*)::int FROM studio_stewards ss JOIN studios s ON s.id = ss.studio_id
         WHERE ss.steward_id = st.person_id AND s.state IN ('proposed', 'active', 'paused')) AS Load,
        st.added_by AS AddedBy, st.added_at AS AddedAt, st.version AS Version
        """;

    /// <summary>Serialises every change to assignments and to the pool until the transaction ends, so "who has room,
    /// who has the fewest" is decided on committed loads and two approvals cannot both take a steward's last place.</summary>
    public Task LockAssignmentsAsync(NpgsqlTransaction transaction, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@key)", new { key = AssignmentLockKey }, transaction, cancellationToken: ct));

    /// <summary>Adds the person to the pool (again, if they had been removed); false when they are in it already.</summary>
    public async Task<bool> AddAsync(NpgsqlTransaction transaction, Guid personId, string? displayName, int maxStudios,
        Guid addedBy, DateTimeOffset at, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO stewards (person_id, display_name, max_studios, added_by, added_at)
            VALUES (@personId, @displayName, @maxStudios, @addedBy, @at)
            ON CONFLICT (person_id) DO UPDATE
            SET display_name = excluded.display_name, max_studios = excluded.max_studios, added_by = excluded.added_by,
                added_at = excluded.added_at, removed_at = NULL, version = stewards.version + 1
            WHERE stewards.removed_at IS NOT NULL
            """;
        return await transaction.Connection!.ExecuteAsync(new CommandDefinition(sql,
            new { personId, displayName, maxStudios, addedBy, at }, transaction, cancellationToken: ct)) == 1;
    }

    public Task<StewardRow?> GetAsync(NpgsqlConnection connection, Guid personId, CancellationToken ct,
        NpgsqlTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<StewardRow>(new CommandDefinition(
            $"SELECT {Columns} FROM stewards st WHERE st.person_id = @personId AND st.removed_at IS NULL",
            new { personId }, transaction, cancellationToken: ct));

    public async Task<IReadOnlyList<StewardRow>> ListAsync(NpgsqlConnection connection, Guid? after, int limit, CancellationToken ct)
    {
        var sql = $"""
            SELECT {Columns} FROM stewards st
            WHERE st.removed_at IS NULL AND (@after::uuid IS NULL OR st.person_id > @after)
            ORDER BY st.person_id
            LIMIT @take
            """;
        return (await connection.QueryAsync<StewardRow>(new CommandDefinition(sql,
            new { after, take = limit + 1 }, cancellationToken: ct))).AsList();
    }

    /// <summary>Changes how many studios the steward may hold; false when <paramref name="expectedVersion"/> is stale.</summary>
    public async Task<bool> UpdateAsync(NpgsqlTransaction transaction, Guid personId, int maxStudios, string? displayName,
        long? expectedVersion, CancellationToken ct)
    {
        const string sql = """
            UPDATE stewards SET max_studios = @maxStudios, display_name = coalesce(@displayName, display_name), version = version + 1
            WHERE person_id = @personId AND removed_at IS NULL AND (@expectedVersion::bigint IS NULL OR version = @expectedVersion)
            """;
        return await transaction.Connection!.ExecuteAsync(new CommandDefinition(sql,
            new { personId, maxStudios, displayName, expectedVersion }, transaction, cancellationToken: ct)) == 1;
    }

    /// <summary>Takes the steward out of the pool and off every studio; returns the studios they were assigned to.</summary>
    public async Task<IReadOnlyList<Guid>?> RemoveAsync(NpgsqlTransaction transaction, Guid personId, DateTimeOffset at,
        CancellationToken ct)
    {
        const string sql = """
            UPDATE stewards SET removed_at = @at, version = version + 1
            WHERE person_id = @personId AND removed_at IS NULL
            """;
        var connection = transaction.Connection!;
        var removed = await connection.ExecuteAsync(new CommandDefinition(sql, new { personId, at }, transaction, cancellationToken: ct));
        if (removed == 0) return null;
        var studios = await connection.QueryAsync<Guid>(new CommandDefinition(
            "DELETE FROM studio_stewards WHERE steward_id = @personId RETURNING studio_id",
            new { personId }, transaction, cancellationToken: ct));
        return studios.AsList();
    }

    /// <summary>Forgets the steward's name (erasure); their pool row stays, removed.</summary>
    public Task ForgetNameAsync(NpgsqlTransaction transaction, Guid personId, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE stewards SET display_name = NULL WHERE person_id = @personId", new { personId }, transaction, cancellationToken: ct));

    public Task<string?> NameOfAsync(NpgsqlTransaction transaction, Guid personId, CancellationToken ct) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT display_name FROM stewards WHERE person_id = @personId", new { personId }, transaction, cancellationToken: ct));

    /// <summary>Everyone in the pool with their load, for the automatic choice. Call under the assignment lock.</summary>
    public async Task<IReadOnlyList<StewardCandidate>> CandidatesAsync(NpgsqlTransaction transaction, CancellationToken ct)
    {
        var sql = $"SELECT {Columns} FROM stewards st WHERE st.removed_at IS NULL";
        var rows = await transaction.Connection!.QueryAsync<StewardRow>(new CommandDefinition(sql, transaction: transaction, cancellationToken: ct));
        return rows.Select(row => new StewardCandidate(row.PersonId, row.Load, row.MaxStudios, row.AddedAt)).ToList();
    }

    /// <summary>Records the assignment; false when the steward already supports the studio.</summary>
    public async Task<bool> AssignAsync(NpgsqlTransaction transaction, Guid studioId, Guid stewardId, Guid? assignedBy,
        DateTimeOffset at, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO studio_stewards (studio_id, steward_id, assigned_by, assigned_at)
            VALUES (@studioId, @stewardId, @assignedBy, @at)
            ON CONFLICT DO NOTHING
            """;
        return await transaction.Connection!.ExecuteAsync(new CommandDefinition(sql,
            new { studioId, stewardId, assignedBy, at }, transaction, cancellationToken: ct)) == 1;
    }

    public async Task<bool> UnassignAsync(NpgsqlTransaction transaction, Guid studioId, Guid stewardId, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "DELETE FROM studio_stewards WHERE studio_id = @studioId AND steward_id = @stewardId",
            new { studioId, stewardId }, transaction, cancellationToken: ct)) == 1;

    public Task<bool> IsAssignedAsync(NpgsqlConnection connection, Guid studioId, Guid stewardId, CancellationToken ct,
        NpgsqlTransaction? transaction = null) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM studio_stewards WHERE studio_id = @studioId AND steward_id = @stewardId)",
            new { studioId, stewardId }, transaction, cancellationToken: ct));

    public async Task<IReadOnlyList<StewardStudioRow>> StudiosOfAsync(NpgsqlConnection connection, Guid stewardId, CancellationToken ct)
    {
        const string sql = """
            SELECT s.id AS StudioId, s.name AS Name, s.state AS State, h.state AS HealthState, h.score AS HealthScore,
                   ss.assigned_by AS AssignedBy, ss.assigned_at AS AssignedAt
            FROM studio_stewards ss
            JOIN studios s ON s.id = ss.studio_id
            LEFT JOIN studio_health h ON h.studio_id = s.id
            WHERE ss.steward_id = @stewardId
            ORDER BY lower(s.name), s.id
            """;
        return (await connection.QueryAsync<StewardStudioRow>(new CommandDefinition(sql, new { stewardId }, cancellationToken: ct))).AsList();
    }
}
