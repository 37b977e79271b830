namespace Studios.Notifications.Data;

/// <summary>Studios, their rosters and their stewards, from Stewardship's and Membership's events. Roster and steward
/// rows keep the time of the event that last changed them, so an older event arriving late changes nothing.</summary>
public sealed class StudioRepository
{
    private const string Columns = """
        studio_id AS StudioId, name AS Name, time_zone AS TimeZone, proposed_by AS ProposedBy,
        founding_facilitator_id AS FoundingFacilitatorId, health_state AS HealthState, health_score AS HealthScore,
        health_reasons AS HealthReasons
        """;

    /// <summary>Records what is known of a studio; a value not given keeps what was known.</summary>
    public Task SaveAsync(NpgsqlTransaction transaction, Guid studioId, string? name, string? timeZone, Guid? proposedBy,
        Guid? foundingFacilitatorId, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO studios (studio_id, name, time_zone, proposed_by, founding_facilitator_id)
            VALUES (@studioId, @name, @timeZone, @proposedBy, @foundingFacilitatorId)
            ON CONFLICT (studio_id) DO UPDATE SET name = COALESCE(EXCLUDED.name, studios.name),
                time_zone = COALESCE(EXCLUDED.time_zone, studios.time_zone),
                proposed_by = COALESCE(EXCLUDED.proposed_by, studios.proposed_by),
                founding_facilitator_id = COALESCE(EXCLUDED.founding_facilitator_id, studios.founding_facilitator_id)
            """, new { studioId, name, timeZone, proposedBy, foundingFacilitatorId }, transaction, cancellationToken: ct));

    public Task SetHealthAsync(NpgsqlTransaction transaction, Guid studioId, string state, int score, IReadOnlyList<string> reasons,
        DateTimeOffset at, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO studios (studio_id, health_state, health_score, health_reasons, health_at)
            VALUES (@studioId, @state, @score, @reasons, @at)
            ON CONFLICT (studio_id) DO UPDATE SET health_state = EXCLUDED.health_state, health_score = EXCLUDED.health_score,
                health_reasons = EXCLUDED.health_reasons, health_at = EXCLUDED.health_at
            WHERE studios.health_at IS NULL OR studios.health_at < EXCLUDED.health_at
            """, new { studioId, state, score, reasons = reasons.ToArray(), at }, transaction, cancellationToken: ct));

    public Task<StudioRow?> FindAsync(NpgsqlConnection connection, Guid studioId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<StudioRow>(new CommandDefinition(
            $"SELECT {Columns} FROM studios WHERE studio_id = @studioId", new { studioId }, cancellationToken: ct));

    /// <summary>Records a roster change; false when a newer one was recorded already.</summary>
    public async Task<bool> SetMemberAsync(NpgsqlTransaction transaction, Guid studioId, Guid personId, string role, bool active,
        string? leftReason, DateTimeOffset at, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO studio_members (studio_id, person_id, role, active, left_reason, changed_at)
            VALUES (@studioId, @personId, @role, @active, @leftReason, @at)
            ON CONFLICT (studio_id, person_id) DO UPDATE SET role = EXCLUDED.role, active = EXCLUDED.active,
                left_reason = EXCLUDED.left_reason, changed_at = EXCLUDED.changed_at
            WHERE studio_members.changed_at < EXCLUDED.changed_at
            """, new { studioId, personId, role, active, leftReason, at }, transaction, cancellationToken: ct)) > 0;

    /// <summary>Active members in <paramref name="roles"/> (all roles when empty); with <paramref name="alsoLeftFor"/>, also
    /// those whose membership ended for that reason (a retirement's roster closes as its announcement goes out).</summary>
    public async Task<IReadOnlyList<Guid>> MembersAsync(NpgsqlConnection connection, Guid studioId, string[] roles, string? alsoLeftFor,
        CancellationToken ct) =>
        (await connection.QueryAsync<Guid>(new CommandDefinition("""
            SELECT person_id FROM studio_members
            WHERE studio_id = @studioId AND (active OR left_reason = @alsoLeftFor)
              AND (cardinality(@roles) = 0 OR role = ANY(@roles))
            ORDER BY person_id
            """, new { studioId, roles, alsoLeftFor }, cancellationToken: ct))).AsList();

    public async Task<bool> SetStewardAsync(NpgsqlTransaction transaction, Guid studioId, Guid stewardId, bool active, DateTimeOffset at,
        CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO studio_stewards (studio_id, steward_id, active, changed_at) VALUES (@studioId, @stewardId, @active, @at)
            ON CONFLICT (studio_id, steward_id) DO UPDATE SET active = EXCLUDED.active, changed_at = EXCLUDED.changed_at
            WHERE studio_stewards.changed_at < EXCLUDED.changed_at
            """, new { studioId, stewardId, active, at }, transaction, cancellationToken: ct)) > 0;

    public async Task<IReadOnlyList<Guid>> StewardsAsync(NpgsqlConnection connection, Guid studioId, CancellationToken ct) =>
        (await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT steward_id FROM studio_stewards WHERE studio_id = @studioId AND active ORDER BY steward_id",
            new { studioId }, cancellationToken: ct))).AsList();

    /// <summary>Everyone who stewards at least one studio (the weekly digest's recipients).</summary>
    public async Task<IReadOnlyList<Guid>> AllStewardsAsync(NpgsqlConnection connection, CancellationToken ct) =>
        (await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT DISTINCT steward_id FROM studio_stewards WHERE active ORDER BY steward_id", cancellationToken: ct))).AsList();

    public async Task<IReadOnlyList<StudioRow>> StudiosOfStewardAsync(NpgsqlConnection connection, Guid stewardId, CancellationToken ct) =>
        (await connection.QueryAsync<StudioRow>(new CommandDefinition($"""
            SELECT {Columns} FROM studios
            WHERE studio_id IN (SELECT studio_id FROM studio_stewards WHERE steward_id = @stewardId AND active)
            ORDER BY name, studio_id
            """, new { stewardId }, cancellationToken: ct))).AsList();
}
