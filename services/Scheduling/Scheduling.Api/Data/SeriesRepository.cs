using Studios.Scheduling.Domain;

namespace Studios.Scheduling.Data;

public sealed class SeriesRepository
{
    private const string Columns = """
        id AS Id, studio_id AS StudioId, title AS Title, rrule AS Rule, time_zone AS TimeZone, start_date AS StartDate,
        start_time AS StartTime, duration_minutes AS DurationMinutes, exdates AS ExceptionDates, location AS Location,
        online_url AS OnlineUrl, capacity AS Capacity, facilitator_id AS FacilitatorId, previous_series_id AS PreviousSeriesId,
        sequence AS Sequence, version AS Version, materialised_until AS MaterialisedUntil, created_at AS CreatedAt,
        updated_at AS UpdatedAt
        """;

    public async Task<SeriesRow?> GetAsync(NpgsqlConnection connection, Guid id, NpgsqlTransaction? tx = null, bool forUpdate = false,
        CancellationToken ct = default) =>
        await connection.QuerySingleOrDefaultAsync<SeriesRow>(new CommandDefinition(
            $"SELECT {Columns} FROM series WHERE id = @id {(forUpdate ? "FOR UPDATE" : "")}", new { id }, tx, cancellationToken: ct));

    public async Task<IReadOnlyList<SeriesRow>> ListAsync(NpgsqlConnection connection, Guid studioId, SeriesKey? after, int limit,
        CancellationToken ct) =>
        (await connection.QueryAsync<SeriesRow>(new CommandDefinition($"""
            SELECT {Columns} FROM series
            WHERE studio_id = @studioId AND (@afterAt::timestamptz IS NULL OR (created_at, id) > (@afterAt, @afterId))
            ORDER BY created_at, id
            LIMIT @take
            """, new { studioId, afterAt = after?.CreatedAt, afterId = after?.Id, take = limit + 1 }, cancellationToken: ct))).ToList();

    /// <summary>Every series of the given studios, for their calendar feeds.</summary>
    public async Task<IReadOnlyList<SeriesRow>> OfStudiosAsync(NpgsqlConnection connection, IReadOnlyList<Guid> studioIds, CancellationToken ct) =>
        (await connection.QueryAsync<SeriesRow>(new CommandDefinition(
            $"SELECT {Columns} FROM series WHERE studio_id = ANY(@studioIds) ORDER BY created_at, id",
            new { studioIds = studioIds.ToArray() }, cancellationToken: ct))).ToList();

    /// <summary>Series of active studios whose sessions do not yet reach <paramref name="horizonEnd"/>.</summary>
    /// <summary>Up to <paramref name="limit"/> series of active studios materialised only to before
    /// <paramref name="dueBefore"/>, locked for the caller's transaction; series another pass (or an edit) holds are skipped.</summary>
    public async Task<IReadOnlyList<Guid>> ClaimBehindAsync(NpgsqlTransaction tx, DateTimeOffset dueBefore, int limit, CancellationToken ct) =>
        (await tx.Connection!.QueryAsync<Guid>(new CommandDefinition("""
            SELECT s.id FROM series s JOIN studios st ON st.id = s.studio_id
            WHERE st.status = 'active' AND (s.materialised_until IS NULL OR s.materialised_until < @dueBefore)
            ORDER BY s.materialised_until NULLS FIRST, s.id
            LIMIT @limit
            FOR UPDATE OF s SKIP LOCKED
            """, new { dueBefore, limit }, tx, cancellationToken: ct))).AsList();

    public async Task<IReadOnlyList<Guid>> IdsOfStudioAsync(NpgsqlTransaction tx, Guid studioId, CancellationToken ct) =>
        (await tx.Connection!.QueryAsync<Guid>(new CommandDefinition(
            "SELECT id FROM series WHERE studio_id = @studioId ORDER BY created_at, id", new { studioId }, tx, cancellationToken: ct))).ToList();

    public Task InsertAsync(NpgsqlTransaction tx, Guid id, Guid studioId, string title, SeriesSchedule schedule, string? location,
        string? onlineUrl, int capacity, Guid? facilitatorId, Guid? previousSeriesId, Guid createdBy, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO series (id, studio_id, title, rrule, time_zone, start_date, start_time, duration_minutes, exdates,
                                location, online_url, capacity, facilitator_id, previous_series_id, created_by)
            VALUES (@id, @studioId, @title, @Rule, @TimeZone, @StartDate::date, @StartTime::time, @DurationMinutes, @ExceptionDates::date[],
                    @location, @onlineUrl, @capacity, @facilitatorId, @previousSeriesId, @createdBy)
            """, new
        {
            id, studioId, title, schedule.Rule, schedule.TimeZone,
            StartDate = schedule.StartDate.ToDateTime(TimeOnly.MinValue), StartTime = schedule.StartTime.ToTimeSpan(),
            schedule.DurationMinutes, ExceptionDates = schedule.ExceptionDates.Select(d => d.ToDateTime(TimeOnly.MinValue)).ToArray(),
            location, onlineUrl, capacity, facilitatorId, previousSeriesId, createdBy,
        }, tx, cancellationToken: ct));

    /// <summary>Replaces the definition (an edit of the whole series); bumps SEQUENCE and the ETag version.</summary>
    public Task UpdateAsync(NpgsqlTransaction tx, Guid id, string title, SeriesSchedule schedule, string? location, string? onlineUrl,
        int capacity, Guid? facilitatorId, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE series SET title = @title, rrule = @Rule, time_zone = @TimeZone, start_date = @StartDate::date, start_time = @StartTime::time,
                duration_minutes = @DurationMinutes, exdates = @ExceptionDates::date[], location = @location, online_url = @onlineUrl,
                capacity = @capacity, facilitator_id = @facilitatorId, materialised_until = NULL,
                sequence = sequence + 1, version = version + 1, updated_at = now()
            WHERE id = @id
            """, new
        {
            id, title, schedule.Rule, schedule.TimeZone,
            StartDate = schedule.StartDate.ToDateTime(TimeOnly.MinValue), StartTime = schedule.StartTime.ToTimeSpan(),
            schedule.DurationMinutes, ExceptionDates = schedule.ExceptionDates.Select(d => d.ToDateTime(TimeOnly.MinValue)).ToArray(),
            location, onlineUrl, capacity, facilitatorId,
        }, tx, cancellationToken: ct));

    /// <summary>Ends the series' rule (a "this and following" split or a retired studio): no occurrence after it is generated.</summary>
    public Task EndRuleAsync(NpgsqlTransaction tx, Guid id, string rule, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE series SET rrule = @rule, sequence = sequence + 1, version = version + 1, updated_at = now() WHERE id = @id
            """, new { id, rule }, tx, cancellationToken: ct));

    public Task MarkMaterialisedAsync(NpgsqlTransaction tx, Guid id, DateTimeOffset until, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE series SET materialised_until = greatest(coalesce(materialised_until, @until), @until) WHERE id = @id",
            new { id, until }, tx, cancellationToken: ct));

    /// <summary>People going (or not) to every session of the series, in the order they answered.</summary>
    public async Task<IReadOnlyList<(Guid PersonId, string Status)>> StandingRsvpsAsync(NpgsqlTransaction tx, Guid seriesId, CancellationToken ct) =>
        (await tx.Connection!.QueryAsync<(Guid, string)>(new CommandDefinition("""
            SELECT r.person_id, r.status FROM series_rsvps r
            JOIN series s ON s.id = r.series_id
            JOIN studio_members m ON m.studio_id = s.studio_id AND m.person_id = r.person_id AND m.active
            WHERE r.series_id = @seriesId
            ORDER BY r.responded_at, r.person_id
            """, new { seriesId }, tx, cancellationToken: ct))).ToList();

    public Task SetStandingRsvpAsync(NpgsqlTransaction tx, Guid seriesId, Guid personId, string status, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO series_rsvps (series_id, person_id, status) VALUES (@seriesId, @personId, @status)
            ON CONFLICT (series_id, person_id) DO UPDATE SET status = EXCLUDED.status, responded_at = now()
            WHERE series_rsvps.status <> EXCLUDED.status
            """, new { seriesId, personId, status }, tx, cancellationToken: ct));

    public Task CopyStandingRsvpsAsync(NpgsqlTransaction tx, Guid fromSeriesId, Guid toSeriesId, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO series_rsvps (series_id, person_id, status, responded_at)
            SELECT @toSeriesId, person_id, status, responded_at FROM series_rsvps WHERE series_id = @fromSeriesId
            ON CONFLICT DO NOTHING
            """, new { fromSeriesId, toSeriesId }, tx, cancellationToken: ct));
}
