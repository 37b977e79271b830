using Studios.Web.Services.Models;

namespace Studios.Web.Services;

/// <summary>PracticeContent: reflections, the practice library and session plans.</summary>
public sealed class PracticeContentClient(HttpClient http) : ServiceClient(http)
{
    public Task<ServiceResult<Reflection>> ShareReflectionAsync(Guid studioId, Guid? sessionId, string? text, CancellationToken ct) =>
        SendAsync<Reflection>(HttpMethod.Post, "/api/reflections", new { text, visibility = "studio", studioId, sessionId }, ct);

    public Task<ServiceResult<Page<Reflection>>> StudioReflectionsAsync(Guid studioId, CancellationToken ct) =>
        GetAsync<Page<Reflection>>($"/api/studios/{studioId}/reflections?limit=50", ct);

    public Task<ServiceResult<Page<PracticeSummary>>> SearchPracticesAsync(string? text, CancellationToken ct) =>
        GetAsync<Page<PracticeSummary>>("/api/practices" + QueryString.Create("q", text ?? "") + "&limit=20", ct);

    /// <summary>A studio plan of the chosen practice versions, each in its shortest time box.</summary>
    public Task<ServiceResult<SessionPlan>> CreatePlanAsync(Guid studioId, string? title, int sessionMinutes,
        IEnumerable<PracticeSummary> practices, CancellationToken ct) =>
        SendAsync<SessionPlan>(HttpMethod.Post, "/api/session-plans", new
        {
            kind = "studio", studioId, title, sessionMinutes,
            steps = practices.Select(p => new { practiceId = p.Id, version = p.Version, minutes = p.MinMinutes }),
        }, ct);

    public Task<ServiceResult<Page<SessionPlan>>> StudioPlansAsync(Guid studioId, CancellationToken ct) =>
        GetAsync<Page<SessionPlan>>($"/api/studios/{studioId}/session-plans?limit=50", ct);

    public Task<ServiceResult<SessionPlan>> PublishPlanAsync(Guid planId, CancellationToken ct) =>
        SendAsync<SessionPlan>(HttpMethod.Post, $"/api/session-plans/{planId}/publish", null, ct);
}
