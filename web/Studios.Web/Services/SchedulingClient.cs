using Studios.Web.Services.Models;

namespace Studios.Web.Services;

/// <summary>Scheduling: sessions, RSVPs and the personal calendar feed.</summary>
public sealed class SchedulingClient(HttpClient http) : ServiceClient(http)
{
    public Task<ServiceResult<Page<Session>>> StudioSessionsAsync(Guid studioId, CancellationToken ct) =>
        GetAsync<Page<Session>>($"/api/studios/{studioId}/sessions", ct);

    public Task<ServiceResult<Page<Session>>> MySessionsAsync(CancellationToken ct) => GetAsync<Page<Session>>("/api/people/me/sessions", ct);

    public Task<ServiceResult<object>> RespondAsync(Guid sessionId, string response, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Put, $"/api/sessions/{sessionId}/rsvps/me", new { response }, ct);

    public Task<ServiceResult<CalendarLink>> NewCalendarLinkAsync(CancellationToken ct) =>
        SendAsync<CalendarLink>(HttpMethod.Post, "/api/people/me/calendar-token", null, ct);
}
