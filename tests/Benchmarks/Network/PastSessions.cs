using System.Text.Json;
using Dapper;
using Studios.Scheduling.Contracts;

namespace Studios.Benchmarks.Network;

/// <summary>
/// The seed's one bulk step: the past sessions of each seeded series, so attendance can be recorded for them through
/// Scheduling's write path. Scheduling materialises a new series from today on and nothing in its API creates a session
/// in the past, so this writes what its materialiser would have written had the series started <c>weeks</c> occurrences
/// earlier, and nothing more: each session row exactly as <c>SessionRepository.InsertOccurrenceAsync</c> inserts it, a
/// <c>SessionScheduled</c> for it in Scheduling's outbox (published by Scheduling's own relay, so Stewardship and
/// Notifications consume it as any other), and the series' start date moved back to its first occurrence. Attendance,
/// <c>SessionHeld</c> and <c>AttendanceRecorded</c> then come from <c>PUT /api/sessions/{id}/attendance</c>.
/// </summary>
public static class PastSessions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string SessionScheduledType = $"{typeof(SessionScheduled).FullName}, {typeof(SessionScheduled).Assembly.GetName().Name}";

    public sealed class Series
    {
        public Guid Id { get; init; }
        public Guid StudioId { get; init; }
        public string Title { get; init; } = "";
        public string Rrule { get; init; } = "";
        public string TimeZone { get; init; } = "";
        public DateOnly StartDate { get; init; }
        public TimeOnly StartTime { get; init; }
        public int DurationMinutes { get; init; }
        public string? Location { get; init; }
        public string? OnlineUrl { get; init; }
        public int Capacity { get; init; }
        public Guid? FacilitatorId { get; init; }
    }

    /// <summary>Adds <paramref name="occurrences"/> past sessions to each of <paramref name="seriesIds"/>; returns them per series.</summary>
    public static async Task<Dictionary<Guid, List<Guid>>> AddAsync(LocalDatabases databases, IReadOnlyList<Guid> seriesIds, int occurrences)
    {
        var added = new Dictionary<Guid, List<Guid>>();
        foreach (var chunk in seriesIds.Chunk(100))
        {
            await using var connection = await databases.For("scheduling").OpenConnectionAsync();
            await using var tx = await connection.BeginTransactionAsync();
            var rows = await connection.QueryAsync<Series>("""
                SELECT id, studio_id AS StudioId, title, rrule, time_zone AS TimeZone, start_date AS StartDate, start_time AS StartTime,
                       duration_minutes AS DurationMinutes, location, online_url AS OnlineUrl, capacity, facilitator_id AS FacilitatorId
                FROM series WHERE id = ANY(@ids) FOR UPDATE
                """, new { ids = chunk }, tx);
            var now = DateTimeOffset.UtcNow;
            foreach (var series in rows)
            {
                var zone = TimeZoneInfo.FindSystemTimeZoneById(series.TimeZone);
                var step = series.Rrule.Contains("INTERVAL=2", StringComparison.Ordinal) ? 14 : 7;
                var sessions = added[series.Id] = [];
                // Occurrences before the first materialised one that have already started (a week back may still be later today).
                var slots = new List<(DateTimeOffset StartsAt, int Back)>();
                for (var back = 1; slots.Count < occurrences; back++)
                {
                    var local = series.StartDate.AddDays(-back * step).ToDateTime(series.StartTime);
                    var startsAt = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
                    if (startsAt < now) slots.Add((startsAt, back));
                }
                foreach (var (startsAt, _) in slots.OrderBy(s => s.StartsAt))
                {
                    var endsAt = startsAt.AddMinutes(series.DurationMinutes);
                    var id = Guid.CreateVersion7(startsAt);
                    await connection.ExecuteAsync("""
                        INSERT INTO sessions (id, series_id, studio_id, original_start, starts_at, ends_at, time_zone, title, location,
                                              online_url, capacity, facilitator_id)
                        VALUES (@id, @SeriesId, @StudioId, @startsAt, @startsAt, @endsAt, @TimeZone, @Title, @Location, @OnlineUrl,
                                @Capacity, @FacilitatorId)
                        """, new
                    {
                        id, SeriesId = series.Id, series.StudioId, startsAt, endsAt, series.TimeZone, series.Title, series.Location,
                        series.OnlineUrl, series.Capacity, series.FacilitatorId,
                    }, tx);
                    var message = new SessionScheduled(id, series.StudioId, series.Id, series.Title, startsAt, endsAt, series.TimeZone,
                        series.FacilitatorId, series.Capacity, now);
                    await connection.ExecuteAsync("INSERT INTO outbox (id, message_type, body) VALUES (@id, @type, @body::jsonb)",
                        new { id = Guid.NewGuid(), type = SessionScheduledType, body = JsonSerializer.Serialize(message, Json) }, tx);
                    sessions.Add(id);
                }
                await connection.ExecuteAsync("UPDATE series SET start_date = @startDate WHERE id = @id",
                    new { id = series.Id, startDate = series.StartDate.AddDays(-slots.Max(s => s.Back) * step) }, tx);
            }
            await connection.ExecuteAsync("NOTIFY studios_outbox", transaction: tx);
            await tx.CommitAsync();
        }
        return added;
    }
}
