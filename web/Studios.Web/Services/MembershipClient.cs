using Studios.Web.Services.Models;

namespace Studios.Web.Services;

/// <summary>Membership: the person's profile, rosters and joining.</summary>
public sealed class MembershipClient(HttpClient http) : ServiceClient(http)
{
    public Task<ServiceResult<Person>> MeAsync(CancellationToken ct) => GetAsync<Person>("/api/people/me", ct);

    public Task<ServiceResult<Person>> RegisterAsync(string? displayName, string? email, string? timeZone, CancellationToken ct) =>
        SendAsync<Person>(HttpMethod.Post, "/api/people", new { displayName, email, timeZone, locale = "en-GB" }, ct);

    public Task<ServiceResult<Person>> PersonAsync(Guid personId, CancellationToken ct) => GetAsync<Person>($"/api/people/{personId}", ct);

    public Task<ServiceResult<Roster>> RosterAsync(Guid studioId, CancellationToken ct) => GetAsync<Roster>($"/api/studios/{studioId}", ct);

    public Task<ServiceResult<IReadOnlyList<MyStudio>>> MyStudiosAsync(Guid personId, CancellationToken ct) =>
        GetAsync<IReadOnlyList<MyStudio>>($"/api/people/{personId}/studios", ct);

    public Task<ServiceResult<Membership>> JoinAsync(Guid studioId, string? intakeAnswer, CancellationToken ct) =>
        SendAsync<Membership>(HttpMethod.Post, $"/api/studios/{studioId}/join-requests", new { intakeAnswer }, ct);

    public Task<ServiceResult<Page<Membership>>> MembersAsync(Guid studioId, string state, CancellationToken ct) =>
        GetAsync<Page<Membership>>($"/api/studios/{studioId}/members?state={state}&limit=200", ct);

    public Task<ServiceResult<IReadOnlyList<Membership>>> WaitlistAsync(Guid studioId, CancellationToken ct) =>
        GetAsync<IReadOnlyList<Membership>>($"/api/studios/{studioId}/waitlist", ct);

    public Task<ServiceResult<Membership>> DecideAsync(Guid studioId, Guid requestId, bool approve, CancellationToken ct) =>
        SendAsync<Membership>(HttpMethod.Post, $"/api/studios/{studioId}/join-requests/{requestId}/{(approve ? "approve" : "decline")}", null, ct);

    public Task<ServiceResult<Invitation>> InviteAsync(Guid studioId, string? email, CancellationToken ct) =>
        SendAsync<Invitation>(HttpMethod.Post, $"/api/studios/{studioId}/invitations", new { email }, ct);

    public Task<ServiceResult<Membership>> LeaveAsync(Guid studioId, Guid personId, CancellationToken ct) =>
        SendAsync<Membership>(HttpMethod.Post, $"/api/studios/{studioId}/members/{personId}/leave", null, ct);

    public Task<ServiceResult<Membership>> AcceptInvitationAsync(string token, CancellationToken ct) =>
        SendAsync<Membership>(HttpMethod.Post, $"/api/invitations/{Uri.EscapeDataString(token)}/accept", null, ct);

    public Task<ServiceResult<Roster>> SetJoinPolicyAsync(Guid studioId, string? joinPolicy, string? intakeQuestion, CancellationToken ct) =>
        SendAsync<Roster>(HttpMethod.Put, $"/api/studios/{studioId}/policy", new { joinPolicy, intakeQuestion }, ct);

    /// <summary>Erases the person everywhere: Membership ends their memberships and publishes PersonErased.</summary>
    public Task<ServiceResult<object>> EraseAsync(Guid personId, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Delete, $"/api/people/{personId}", null, ct);
}
