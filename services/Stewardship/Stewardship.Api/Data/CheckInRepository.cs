using Studios.Stewardship.Domain;

namespace Studios.Stewardship.Data;

/// <summary>The nourishment log: check-ins, their follow-ups, and erasing a person's names from them.</summary>
public sealed class CheckInRepository
{
    private const string CheckInColumns = """
        c.id AS Id, c.studio_id AS StudioId, c.steward_id AS StewardId, c.steward_name AS StewardName,
        c.facilitator_id AS FacilitatorId, c.facilitator_name AS FacilitatorName, c.held_on AS HeldOn,
        c.notes AS Notes, c.recorded_at AS RecordedAt
        """;

    private const string FollowUpColumns = """
        f.id AS Id, f.check_in_id AS CheckInId, f.studio_id AS StudioId, s.name AS StudioName, f.steward_id AS StewardId,
        f.action AS Action, f.due_on AS DueOn, f.completed_at AS CompletedAt, f.completed_by AS CompletedBy
        """;

    public async Task AddAsync(NpgsqlTransaction transaction, NewCheckIn checkIn, CancellationToken ct)
    {
        const string insertCheckIn = """
            INSERT INTO check_ins (id, studio_id, steward_id, steward_name, facilitator_id, facilitator_name, held_on, notes, recorded_at)
            VALUES (@Id, @StudioId, @StewardId, @StewardName, @FacilitatorId, @FacilitatorName, @HeldOn, @Notes, @RecordedAt)
            """;
        const string insertFollowUp = """
            INSERT INTO follow_ups (id, check_in_id, studio_id, steward_id, position, action, due_on)
            VALUES (@Id, @CheckInId, @StudioId, @StewardId, @Position, @Action, @DueOn)
            """;
        var connection = transaction.Connection!;
        await connection.ExecuteAsync(new CommandDefinition(insertCheckIn, checkIn, transaction, cancellationToken: ct));
        var followUps = checkIn.FollowUps.Select((followUp, position) => new
        {
            followUp.Id, CheckInId = checkIn.Id, checkIn.StudioId, checkIn.StewardId, Position = position, followUp.Action, followUp.DueOn,
        });
        await connection.ExecuteAsync(new CommandDefinition(insertFollowUp, followUps, transaction, cancellationToken: ct));
    }

    public Task<CheckInRow?> GetAsync(NpgsqlConnection connection, Guid studioId, Guid id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<CheckInRow>(new CommandDefinition(
            $"SELECT {CheckInColumns} FROM check_ins c WHERE c.studio_id = @studioId AND c.id = @id",
            new { studioId, id }, cancellationToken: ct));

    /// <summary>A page of the studio's check-ins, latest first.</summary>
    public async Task<IReadOnlyList<CheckInRow>> ListAsync(NpgsqlConnection connection, Guid studioId, CheckInCursor? after,
        int limit, CancellationToken ct)
    {
        var sql = $"""
            SELECT {CheckInColumns} FROM check_ins c
            WHERE c.studio_id = @studioId AND (@hasCursor = false OR (c.held_on, c.id) < (@heldOn, @id))
            ORDER BY c.held_on DESC, c.id DESC
            LIMIT @take
            """;
        return (await connection.QueryAsync<CheckInRow>(new CommandDefinition(sql, new
        {
            studioId,
            hasCursor = after is not null,
            heldOn = after?.HeldOn ?? DateOnly.MinValue,
            id = after?.Id ?? Guid.Empty,
            take = limit + 1,
        }, cancellationToken: ct))).AsList();
    }

    public async Task<ILookup<Guid, FollowUpRow>> FollowUpsOfAsync(NpgsqlConnection connection, IReadOnlyCollection<Guid> checkInIds,
        CancellationToken ct)
    {
        var rows = await connection.QueryAsync<FollowUpRow>(new CommandDefinition($"""
            SELECT {FollowUpColumns} FROM follow_ups f JOIN studios s ON s.id = f.studio_id
            WHERE f.check_in_id = ANY(@ids) ORDER BY f.check_in_id, f.position
            """, new { ids = checkInIds.ToArray() }, cancellationToken: ct));
        return rows.ToLookup(row => row.CheckInId);
    }

    /// <summary>A page of the steward's open follow-ups, soonest due first.</summary>
    public async Task<IReadOnlyList<FollowUpRow>> OpenFollowUpsAsync(NpgsqlConnection connection, Guid stewardId,
        FollowUpCursor? after, int limit, CancellationToken ct)
    {
        var sql = $"""
            SELECT {FollowUpColumns} FROM follow_ups f JOIN studios s ON s.id = f.studio_id
            WHERE f.steward_id = @stewardId AND f.completed_at IS NULL
              AND (@hasCursor = false OR (f.due_on, f.id) > (@dueOn, @id))
            ORDER BY f.due_on, f.id
            LIMIT @take
            """;
        return (await connection.QueryAsync<FollowUpRow>(new CommandDefinition(sql, new
        {
            stewardId,
            hasCursor = after is not null,
            dueOn = after?.DueOn ?? DateOnly.MinValue,
            id = after?.Id ?? Guid.Empty,
            take = limit + 1,
        }, cancellationToken: ct))).AsList();
    }

    public Task<FollowUpRow?> GetFollowUpAsync(NpgsqlConnection connection, Guid id, CancellationToken ct,
        NpgsqlTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<FollowUpRow>(new CommandDefinition(
            $"SELECT {FollowUpColumns} FROM follow_ups f JOIN studios s ON s.id = f.studio_id WHERE f.id = @id FOR UPDATE OF f",
            new { id }, transaction, cancellationToken: ct));

    public Task CompleteFollowUpAsync(NpgsqlTransaction transaction, Guid id, Guid by, DateTimeOffset at, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE follow_ups SET completed_at = @at, completed_by = @by WHERE id = @id AND completed_at IS NULL",
            new { id, by, at }, transaction, cancellationToken: ct));

    /// <summary>Erasure: check-ins by or about the person keep no name of theirs. Their name columns are cleared and every
    /// name known for them (<paramref name="otherNames"/> too) is redacted from the notes and follow-up actions.</summary>
    public async Task<int> EraseNamesAsync(NpgsqlTransaction transaction, Guid personId, IEnumerable<string?> otherNames,
        CancellationToken ct)
    {
        var connection = transaction.Connection!;
        var checkIns = (await connection.QueryAsync<CheckInRow>(new CommandDefinition($"""
            SELECT {CheckInColumns} FROM check_ins c
            WHERE c.steward_id = @personId OR c.facilitator_id = @personId
            FOR UPDATE
            """, new { personId }, transaction, cancellationToken: ct))).AsList();
        if (checkIns.Count == 0) return 0;

        var names = checkIns.Select(c => c.StewardId == personId ? c.StewardName : null)
            .Concat(checkIns.Select(c => c.FacilitatorId == personId ? c.FacilitatorName : null))
            .Concat(otherNames)
            .Where(name => !string.IsNullOrWhiteSpace(name))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

        foreach (var checkIn in checkIns)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE check_ins
                SET notes = @notes,
                    steward_name = CASE WHEN steward_id = @personId THEN NULL ELSE steward_name END,
                    facilitator_name = CASE WHEN facilitator_id = @personId THEN NULL ELSE facilitator_name END
                WHERE id = @id
                """, new { id = checkIn.Id, personId, notes = NameRedaction.Redact(checkIn.Notes, names) },
                transaction, cancellationToken: ct));
        }

        var followUps = await connection.QueryAsync<(Guid Id, string Action)>(new CommandDefinition(
            "SELECT id AS Id, action AS Action FROM follow_ups WHERE check_in_id = ANY(@ids) FOR UPDATE",
            new { ids = checkIns.Select(c => c.Id).ToArray() }, transaction, cancellationToken: ct));
        foreach (var (id, action) in followUps)
        {
            await connection.ExecuteAsync(new CommandDefinition("UPDATE follow_ups SET action = @action WHERE id = @id",
                new { id, action = NameRedaction.Redact(action, names) }, transaction, cancellationToken: ct));
        }
        return checkIns.Count;
    }
}
