using Studios.Web.Services.Models;

namespace Studios.Web.Services;

/// <summary>Stewardship: the studio registry and discovery.</summary>
public sealed class StewardshipClient(HttpClient http) : ServiceClient(http)
{
    public Task<ServiceResult<Page<StudioCard>>> SearchAsync(string? text, string? timeZone, string? day, bool openPlaces, CancellationToken ct)
    {
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["q"] = text, ["timeZone"] = timeZone, ["day"] = day, ["openPlaces"] = openPlaces ? "true" : null,
        }.Where(pair => !string.IsNullOrWhiteSpace(pair.Value)));
        return GetAsync<Page<StudioCard>>("/api/studios/search" + query, ct);
    }

    public Task<ServiceResult<Studio>> StudioAsync(Guid id, CancellationToken ct) => GetAsync<Studio>($"/api/studios/{id}", ct);

    public Task<ServiceResult<IReadOnlyList<StewardStudio>>> StewardStudiosAsync(Guid stewardId, CancellationToken ct) =>
        GetAsync<IReadOnlyList<StewardStudio>>($"/api/stewards/{stewardId}/studios", ct);

    public Task<ServiceResult<Page<Studio>>> ProposedAsync(CancellationToken ct) => GetAsync<Page<Studio>>("/api/studios?state=proposed&limit=200", ct);

    public Task<ServiceResult<Studio>> ApproveAsync(Guid studioId, CancellationToken ct) =>
        SendAsync<Studio>(HttpMethod.Post, $"/api/studios/{studioId}/approve", new { }, ct);

    public Task<ServiceResult<Studio>> DeclineAsync(Guid studioId, string? reason, CancellationToken ct) =>
        SendAsync<Studio>(HttpMethod.Post, $"/api/studios/{studioId}/decline", new { reason }, ct);

    public Task<ServiceResult<StudioHealth>> HealthAsync(Guid studioId, CancellationToken ct) =>
        GetAsync<StudioHealth>($"/api/studios/{studioId}/health", ct);

    public Task<ServiceResult<Page<CheckIn>>> CheckInsAsync(Guid studioId, CancellationToken ct) =>
        GetAsync<Page<CheckIn>>($"/api/studios/{studioId}/check-ins", ct);

    public Task<ServiceResult<CheckIn>> RecordCheckInAsync(Guid studioId, Guid facilitatorId, string? facilitatorName, DateOnly? heldOn,
        string? notes, string? followUp, DateOnly? followUpDueOn, CancellationToken ct) =>
        SendAsync<CheckIn>(HttpMethod.Post, $"/api/studios/{studioId}/check-ins", new
        {
            facilitatorId, facilitatorName, heldOn, notes,
            followUps = string.IsNullOrWhiteSpace(followUp) && followUpDueOn is null
                ? Array.Empty<object>() : [new { action = followUp, dueOn = followUpDueOn }],
        }, ct);

    public Task<ServiceResult<NetworkOverview>> OverviewAsync(CancellationToken ct) => GetAsync<NetworkOverview>("/api/network/overview", ct);

    public Task<ServiceResult<Page<Steward>>> StewardsAsync(CancellationToken ct) => GetAsync<Page<Steward>>("/api/stewards?limit=200", ct);
}
