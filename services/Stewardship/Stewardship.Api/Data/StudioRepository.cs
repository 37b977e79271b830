using Studios.Stewardship.Domain;

namespace Studios.Stewardship.Data;

/// <summary>The studio registry: proposals, reads and lifecycle state changes.</summary>
public sealed class StudioRepository
{
    private const string Columns = """
        s.id AS Id, s.name AS Name, s.purpose AS Purpose, s.practice_focus AS PracticeFocus,
        s.intended_cadence AS IntendedCadence, s.capacity AS Capacity, s.time_zone AS TimeZone,
        s.founding_facilitator_id AS FoundingFacilitatorId, s.proposed_by AS ProposedBy, s.proposed_at AS ProposedAt,
        s.state AS State, s.state_reason AS StateReason, s.state_changed_by AS StateChangedBy,
        s.state_changed_at AS StateChangedAt, s.active_since AS ActiveSince, s.version AS Version,
        ARRAY(SELECT ss.steward_id FROM studio_stewards ss WHERE ss.studio_id = s.id ORDER BY ss.assigned_at, ss.steward_id) AS Stewards
        """;

    /// <summary>Stores a proposal; false when the name is already taken (any case).</summary>
    public async Task<bool> ProposeAsync(NpgsqlTransaction transaction, NewStudio studio, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO studios (id, name, purpose, practice_focus, intended_cadence, capacity, time_zone,
                                 founding_facilitator_id, proposed_by, proposed_at, state, state_changed_by, state_changed_at)
            VALUES (@Id, @Name, @Purpose, @PracticeFocus, @IntendedCadence, @Capacity, @TimeZone,
                    @FoundingFacilitatorId, @ProposedBy, @ProposedAt, 'proposed', @ProposedBy, @ProposedAt)
            ON CONFLICT DO NOTHING
            """;
        return await transaction.Connection!.ExecuteAsync(new CommandDefinition(sql, studio, transaction, cancellationToken: ct)) == 1;
    }

    /// <summary>The studio, locked against concurrent lifecycle changes when <paramref name="forUpdate"/>.</summary>
    public Task<StudioRow?> GetAsync(NpgsqlConnection connection, Guid id, CancellationToken ct,
        NpgsqlTransaction? transaction = null, bool forUpdate = false)
    {
        var sql = $"SELECT {Columns} FROM studios s WHERE s.id = @id {(forUpdate ? "FOR UPDATE" : "")}";
        return connection.QuerySingleOrDefaultAsync<StudioRow>(new CommandDefinition(sql, new { id }, transaction, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<StudioRow>> ListAsync(NpgsqlConnection connection, StudioListQuery query, CancellationToken ct)
    {
        var sql = $"""
            SELECT {Columns}
            FROM studios s
            WHERE (@State::text IS NULL OR s.state = @State)
              AND (@SeeAll OR s.state = 'active' OR s.proposed_by = @Viewer OR s.founding_facilitator_id = @Viewer)
              AND (@AfterName::text IS NULL OR (lower(s.name), s.id) > (lower(@AfterName), @AfterId))
            ORDER BY lower(s.name), s.id
            LIMIT @Take
            """;
        var rows = await connection.QueryAsync<StudioRow>(new CommandDefinition(sql, new
        {
            State = query.State?.ToText(),
            query.SeeAll,
            query.Viewer,
            AfterName = query.After?.Name,
            AfterId = query.After?.Id ?? Guid.Empty,
            Take = query.Limit + 1,
        }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>Moves the studio to <paramref name="state"/> and bumps its version; the caller holds the row lock.</summary>
    public Task ChangeStateAsync(NpgsqlTransaction transaction, Guid id, StudioState state, string? reason, Guid by,
        DateTimeOffset at, CancellationToken ct)
    {
        const string sql = """
            UPDATE studios
            SET state = @State, state_reason = @Reason, state_changed_by = @By, state_changed_at = @At,
                active_since = CASE WHEN @State = 'active' THEN @At ELSE active_since END,
                version = version + 1
            WHERE id = @Id
            """;
        return transaction.Connection!.ExecuteAsync(new CommandDefinition(sql,
            new { Id = id, State = state.ToText(), Reason = reason, By = by, At = at }, transaction, cancellationToken: ct));
    }

    /// <summary>Bumps the version after a change to the studio's stewards, so an ETag taken before it is stale.</summary>
    public Task TouchAsync(NpgsqlTransaction transaction, Guid id, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE studios SET version = version + 1 WHERE id = @id", new { id }, transaction, cancellationToken: ct));

    /// <summary>Up to <paramref name="limit"/> active studios whose sweep is due, locked for the caller's transaction; studios
    /// another sweep holds are skipped, not waited for. FOR NO KEY UPDATE: the same lock a health evaluation takes.</summary>
    public async Task<IReadOnlyList<Guid>> ClaimDueForSweepAsync(NpgsqlTransaction transaction, DateTimeOffset now, int limit, CancellationToken ct) =>
        (await transaction.Connection!.QueryAsync<Guid>(new CommandDefinition("""
            SELECT id FROM studios
            WHERE state = 'active' AND health_due_at <= @now
            ORDER BY health_due_at
            LIMIT @limit
            FOR NO KEY UPDATE SKIP LOCKED
            """, new { now, limit }, transaction, cancellationToken: ct))).AsList();

    /// <summary>Sets when the sweep next looks at these studios.</summary>
    public Task SweptAsync(NpgsqlTransaction transaction, IReadOnlyList<Guid> ids, DateTimeOffset nextDueAt, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE studios SET health_due_at = @nextDueAt WHERE id = ANY(@ids)",
            new { ids = ids.ToArray(), nextDueAt }, transaction, cancellationToken: ct));

    /// <summary>How many studios are in each state (every state present, zero when none).</summary>
    public async Task<IReadOnlyDictionary<StudioState, long>> CountByStateAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<(string State, long Count)>(new CommandDefinition(
            "SELECT state AS State, count(*) AS Count FROM studios GROUP BY state", cancellationToken: ct));
        var counts = Enum.GetValues<StudioState>().ToDictionary(state => state, _ => 0L);
        foreach (var (state, count) in rows) counts[StudioStates.Parse(state)] = count;
        return counts;
    }
}
