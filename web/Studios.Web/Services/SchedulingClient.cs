using Studios.Web.Services.Models;

namespace Studios.Web.Services;

/// <summary>Scheduling: sessions, RSVPs and the personal calendar feed.</summary>
public sealed class SchedulingClient(HttpClient http) : ServiceClient(http)
{
    /// <summary>The studio's sessions from <paramref name="from"/> (default now) until <paramref name="to"/> (default: Scheduling's
    /// horizon after from).</summary>
    public Task<ServiceResult<Page<Session>>> StudioSessionsAsync(Guid studioId, CancellationToken ct, DateTimeOffset? from = null,
        DateTimeOffset? to = null) =>
        GetAsync<Page<Session>>($"/api/studios/{studioId}/sessions?limit=50" + Instant("from", from) + Instant("to", to), ct);

    private static string Instant(string name, DateTimeOffset? at) =>
        at is null ? "" : $"&{name}={Uri.EscapeDataString(at.Value.ToString("O"))}";

    public Task<ServiceResult<Page<Session>>> MySessionsAsync(CancellationToken ct) => GetAsync<Page<Session>>("/api/people/me/sessions", ct);

    public Task<ServiceResult<object>> RespondAsync(Guid sessionId, string response, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Put, $"/api/sessions/{sessionId}/rsvps/me", new { response }, ct);

    public Task<ServiceResult<CalendarLink>> NewCalendarLinkAsync(CancellationToken ct) =>
        SendAsync<CalendarLink>(HttpMethod.Post, "/api/people/me/calendar-token", null, ct);

    public Task<ServiceResult<object>> CreateSeriesAsync(Guid studioId, object series, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Post, $"/api/studios/{studioId}/series", series, ct);

    public Task<ServiceResult<Session>> SessionAsync(Guid sessionId, CancellationToken ct) => GetAsync<Session>($"/api/sessions/{sessionId}", ct);

    public Task<ServiceResult<AttendanceSheet>> AttendanceAsync(Guid sessionId, CancellationToken ct) =>
        GetAsync<AttendanceSheet>($"/api/sessions/{sessionId}/attendance", ct);

    public Task<ServiceResult<AttendanceSheet>> RecordAttendanceAsync(Guid sessionId, Guid personId, string status, CancellationToken ct) =>
        SendAsync<AttendanceSheet>(HttpMethod.Put, $"/api/sessions/{sessionId}/attendance", new { entries = new[] { new { personId, status } } }, ct);

    public Task<ServiceResult<CalendarPreferences>> CalendarPreferencesAsync(CancellationToken ct) =>
        GetAsync<CalendarPreferences>("/api/people/me/calendar-preferences", ct);

    public Task<ServiceResult<CalendarPreferences>> SetRemindersAsync(int? minutesBefore, CancellationToken ct) =>
        SendAsync<CalendarPreferences>(HttpMethod.Put, "/api/people/me/calendar-preferences", new { reminderMinutesBefore = minutesBefore }, ct);

    public Task<ServiceResult<Session>> RescheduleAsync(Guid sessionId, DateTimeOffset? startsAt, int? durationMinutes, CancellationToken ct) =>
        SendAsync<Session>(HttpMethod.Post, $"/api/sessions/{sessionId}/reschedule", new { startsAt, durationMinutes }, ct);

    public Task<ServiceResult<Series>> SeriesAsync(Guid seriesId, CancellationToken ct) => GetAsync<Series>($"/api/series/{seriesId}", ct);

    /// <summary>Changes a series from a date on (this and following): Scheduling ends the old series there and starts the new.</summary>
    public Task<ServiceResult<Series>> ChangeSeriesAsync(Guid seriesId, DateOnly from, Series changed, CancellationToken ct) =>
        SendAsync<Series>(HttpMethod.Put, $"/api/series/{seriesId}?from={from:yyyy-MM-dd}", new
        {
            changed.Title, changed.Rule, changed.StartDate, startTime = changed.StartTime.ToString("HH:mm"), changed.DurationMinutes,
            changed.TimeZone, changed.Location, changed.OnlineUrl, changed.Capacity, changed.ExceptionDates, changed.FacilitatorId,
        }, ct);

    public Task<ServiceResult<Session>> AttachPlanAsync(Guid sessionId, Guid? planId, CancellationToken ct) =>
        SendAsync<Session>(HttpMethod.Put, $"/api/sessions/{sessionId}/plan", new { planId }, ct);
}
