using Studios.Scheduling.Domain;

namespace Studios.Scheduling.Data;

public sealed class SessionRepository
{
    // @me names whose RSVP MyRsvp shows (null: nobody's).
    private const string Select = """
        SELECT s.id AS Id, s.series_id AS SeriesId, s.studio_id AS StudioId, s.original_start AS OriginalStart,
               s.starts_at AS StartsAt, s.ends_at AS EndsAt, s.time_zone AS TimeZone, s.title AS Title, s.location AS Location,
               s.online_url AS OnlineUrl, s.capacity AS Capacity, s.facilitator_id AS FacilitatorId, s.plan_id AS PlanId,
               s.status AS Status, s.cancel_reason AS CancelReason, s.cancel_cause AS CancelCause, s.detached AS Detached,
               s.sequence AS Sequence, s.version AS Version, s.held_at AS HeldAt, s.updated_at AS UpdatedAt,
               (SELECT count(*) FROM rsvps r WHERE r.session_id = s.id AND r.status = 'going')::int AS Going,
               (SELECT count(*) FROM rsvps r WHERE r.session_id = s.id AND r.status = 'waitlisted')::int AS Waitlisted,
               (SELECT r.status FROM rsvps r WHERE r.session_id = s.id AND r.person_id = @me) AS MyRsvp
        FROM sessions s
        """;

    public async Task<SessionRow?> GetAsync(NpgsqlConnection connection, Guid id, Guid? me = null, NpgsqlTransaction? tx = null,
        CancellationToken ct = default) =>
        await connection.QuerySingleOrDefaultAsync<SessionRow>(new CommandDefinition(
            $"{Select} WHERE s.id = @id", new { id, me }, tx, cancellationToken: ct));

    /// <summary>Locks the session row: RSVPs, promotions and edits of one session run one at a time.</summary>
    public async Task<SessionRow?> LockAsync(NpgsqlTransaction tx, Guid id, CancellationToken ct)
    {
        var locked = await tx.Connection!.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            "SELECT id FROM sessions WHERE id = @id FOR UPDATE", new { id }, tx, cancellationToken: ct));
        return locked is null ? null : await GetAsync(tx.Connection!, id, null, tx, ct);
    }

    /// <summary>Sessions of the given studios starting in [from, to), by start.</summary>
    public async Task<IReadOnlyList<SessionRow>> ListAsync(NpgsqlConnection connection, IReadOnlyList<Guid> studioIds,
        DateTimeOffset from, DateTimeOffset to, SessionKey? after, int limit, Guid? me, CancellationToken ct) =>
        (await connection.QueryAsync<SessionRow>(new CommandDefinition($"""
            {Select}
            WHERE s.studio_id = ANY(@studioIds) AND s.starts_at >= @from AND s.starts_at < @to
              AND (@afterAt::timestamptz IS NULL OR (s.starts_at, s.id) > (@afterAt, @afterId))
            ORDER BY s.starts_at, s.id
            LIMIT @take
            """, new { studioIds = studioIds.ToArray(), from, to, afterAt = after?.StartsAt, afterId = after?.Id, take = limit + 1, me },
            cancellationToken: ct))).ToList();

    /// <summary>Sessions edited on their own, for the feeds' override instances.</summary>
    public async Task<IReadOnlyList<SessionRow>> DetachedAsync(NpgsqlConnection connection, IReadOnlyList<Guid> seriesIds, CancellationToken ct) =>
        (await connection.QueryAsync<SessionRow>(new CommandDefinition(
            $"{Select} WHERE s.series_id = ANY(@seriesIds) AND s.detached ORDER BY s.original_start",
            new { seriesIds = seriesIds.ToArray(), me = (Guid?)null }, cancellationToken: ct))).ToList();

    /// <summary>Sessions of these series the person said they are not going to, for their personal feed.</summary>
    public async Task<IReadOnlyList<SessionRow>> DeclinedAsync(NpgsqlConnection connection, Guid personId, IReadOnlyList<Guid> seriesIds,
        CancellationToken ct) =>
        (await connection.QueryAsync<SessionRow>(new CommandDefinition($"""
            {Select}
            JOIN rsvps declined ON declined.session_id = s.id AND declined.person_id = @me AND declined.status = 'not-going'
            WHERE s.series_id = ANY(@seriesIds)
            ORDER BY s.original_start
            """, new { seriesIds = seriesIds.ToArray(), me = personId }, cancellationToken: ct))).ToList();

    /// <summary>Scheduled sessions of a studio that have not started yet.</summary>
    public async Task<IReadOnlyList<SessionRow>> UpcomingOfStudioAsync(NpgsqlTransaction tx, Guid studioId, DateTimeOffset now, CancellationToken ct) =>
        (await tx.Connection!.QueryAsync<SessionRow>(new CommandDefinition(
            $"{Select} WHERE s.studio_id = @studioId AND s.starts_at > @now AND s.status = 'scheduled' ORDER BY s.starts_at, s.id",
            new { studioId, now, me = (Guid?)null }, tx, cancellationToken: ct))).ToList();

    /// <summary>Sessions of a series from <paramref name="cutOff"/> (by original start) that have not started and are not held.</summary>
    public async Task<IReadOnlyList<SessionRow>> FollowingAsync(NpgsqlTransaction tx, Guid seriesId, DateTimeOffset cutOff,
        DateTimeOffset now, CancellationToken ct) =>
        (await tx.Connection!.QueryAsync<SessionRow>(new CommandDefinition($"""
            {Select}
            WHERE s.series_id = @seriesId AND s.original_start >= @cutOff AND s.starts_at > @now AND s.held_at IS NULL
            ORDER BY s.original_start
            FOR UPDATE OF s
            """, new { seriesId, cutOff, now, me = (Guid?)null }, tx, cancellationToken: ct))).ToList();

    /// <summary>Scheduled, not yet started sessions of a series.</summary>
    public async Task<IReadOnlyList<Guid>> UpcomingOfSeriesAsync(NpgsqlTransaction tx, Guid seriesId, DateTimeOffset now, CancellationToken ct) =>
        (await tx.Connection!.QueryAsync<Guid>(new CommandDefinition(
            "SELECT id FROM sessions WHERE series_id = @seriesId AND starts_at > @now AND status = 'scheduled' ORDER BY starts_at, id",
            new { seriesId, now }, tx, cancellationToken: ct))).ToList();

    /// <summary>Adds an occurrence unless it already exists; true when it was added.</summary>
    public async Task<bool> InsertOccurrenceAsync(NpgsqlTransaction tx, Guid id, SeriesRow series, SessionSlot slot, CancellationToken ct) =>
        await tx.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO sessions (id, series_id, studio_id, original_start, starts_at, ends_at, time_zone, title, location,
                                  online_url, capacity, facilitator_id)
            VALUES (@id, @SeriesId, @StudioId, @StartsAt, @StartsAt, @EndsAt, @TimeZone, @Title, @Location, @OnlineUrl,
                    @Capacity, @FacilitatorId)
            ON CONFLICT (series_id, original_start) DO NOTHING
            """, new
        {
            id, SeriesId = series.Id, series.StudioId, slot.StartsAt, slot.EndsAt, series.TimeZone, series.Title, series.Location,
            series.OnlineUrl, series.Capacity, series.FacilitatorId,
        }, tx, cancellationToken: ct)) > 0;

    public Task RescheduleAsync(NpgsqlTransaction tx, Guid id, DateTimeOffset startsAt, DateTimeOffset endsAt, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE sessions SET starts_at = @startsAt, ends_at = @endsAt, detached = true, sequence = sequence + 1,
                version = version + 1, updated_at = now()
            WHERE id = @id
            """, new { id, startsAt, endsAt }, tx, cancellationToken: ct));

    public Task CancelAsync(NpgsqlTransaction tx, Guid id, string reason, string cause, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE sessions SET status = 'cancelled', cancel_reason = @reason, cancel_cause = @cause, detached = true,
                sequence = sequence + 1, version = version + 1, updated_at = now()
            WHERE id = @id
            """, new { id, reason, cause }, tx, cancellationToken: ct));

    /// <summary>Restores sessions a studio's pause cancelled that are still ahead; returns them.</summary>
    public async Task<IReadOnlyList<SessionRow>> RestorePausedAsync(NpgsqlTransaction tx, Guid studioId, DateTimeOffset now, CancellationToken ct)
    {
        var ids = (await tx.Connection!.QueryAsync<Guid>(new CommandDefinition("""
            UPDATE sessions SET status = 'scheduled', cancel_reason = NULL, cancel_cause = NULL,
                sequence = sequence + 1, version = version + 1, updated_at = now()
            WHERE studio_id = @studioId AND status = 'cancelled' AND cancel_cause = @cause AND starts_at > @now
            RETURNING id
            """, new { studioId, now, cause = CancelCause.StudioPaused }, tx, cancellationToken: ct))).ToList();
        var restored = new List<SessionRow>();
        foreach (var id in ids) restored.Add((await GetAsync(tx.Connection!, id, null, tx, ct))!);
        return restored;
    }

    /// <summary>Moves a session onto an occurrence of a (new or redefined) series: "this and following".</summary>
    public Task MoveToSeriesAsync(NpgsqlTransaction tx, Guid id, SeriesRow series, SessionSlot slot, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE sessions SET series_id = @SeriesId, original_start = @StartsAt, starts_at = @StartsAt, ends_at = @EndsAt,
                time_zone = @TimeZone, title = @Title, location = @Location, online_url = @OnlineUrl, capacity = @Capacity,
                facilitator_id = @FacilitatorId, detached = (status = 'cancelled'), sequence = sequence + 1,
                version = version + 1, updated_at = now()
            WHERE id = @id
            """, new
        {
            id, SeriesId = series.Id, slot.StartsAt, slot.EndsAt, series.TimeZone, series.Title, series.Location, series.OnlineUrl,
            series.Capacity, series.FacilitatorId,
        }, tx, cancellationToken: ct));

    public Task SetFacilitatorAsync(NpgsqlTransaction tx, Guid id, Guid facilitatorId, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE sessions SET facilitator_id = @facilitatorId, version = version + 1, updated_at = now() WHERE id = @id",
            new { id, facilitatorId }, tx, cancellationToken: ct));

    public Task SetPlanAsync(NpgsqlTransaction tx, Guid id, Guid? planId, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE sessions SET plan_id = @planId, version = version + 1, updated_at = now() WHERE id = @id",
            new { id, planId }, tx, cancellationToken: ct));

    /// <summary>Marks the session held; true the first time.</summary>
    public async Task<bool> MarkHeldAsync(NpgsqlTransaction tx, Guid id, CancellationToken ct) =>
        await tx.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE sessions SET held_at = now(), version = version + 1, updated_at = now() WHERE id = @id AND held_at IS NULL",
            new { id }, tx, cancellationToken: ct)) > 0;
}
