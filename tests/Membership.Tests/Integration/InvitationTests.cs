using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Studios.Membership.Apis.Models;
using Studios.ServiceDefaults.Http;
using Studios.Testing;

namespace Studios.Membership.Tests.Integration;

[Collection(MembershipCollection.Name)]
[Trait("Category", "Integration")]
public sealed class InvitationTests(MembershipFixture fixture)
{
    [Fact]
    public async Task An_invitation_admits_the_invitee_once_even_to_an_invite_only_studio()
    {
        var facilitator = await fixture.RegisterAsync();
        var invitee = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 3, joinPolicy: "invite-only");

        var response = await facilitator.Client.PostJsonAsync($"/api/studios/{studioId}/invitations", new { email = invitee.Email.ToUpperInvariant() });
        var invitation = await response.ShouldBeAsync<InvitationResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/studios/{studioId}/invitations/{invitation.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((invitee.Email, "participant", "pending"), (invitation.Email, invitation.Role, invitation.Status));
        Assert.False(string.IsNullOrEmpty(invitation.Token));
        var lifetime = invitation.ExpiresAt - invitation.CreatedAt;
        Assert.Equal(MembershipFixture.InvitationLifetime, lifetime);

        // A registered invitee holds an invited line until they accept; only they see it, not the inviter.
        Assert.Empty((await (await facilitator.Client.GetAsync($"/api/studios/{studioId}/members?state=invited"))
            .ShouldBeAsync<Page<MemberResponse>>(HttpStatusCode.OK)).Items);
        var invited = await InvitedLineAsync(invitee, studioId);
        Assert.Equal("invited", invited.State);

        var accepted = await (await invitee.Client.PostEmptyAsync($"/api/invitations/{invitation.Token}/accept"))
            .ShouldBeAsync<MemberResponse>(HttpStatusCode.OK);
        Assert.Equal(("active", "invitation", "participant"), (accepted.State, accepted.JoinedVia, accepted.Role));
        Assert.Equal(invited.MembershipId, accepted.MembershipId);
        var joined = await fixture.MemberJoined.WaitForAsync(e => e.StudioId == studioId && e.PersonId == invitee.Id);
        Assert.Equal("invitation", joined.JoinedVia);

        var reused = await (await invitee.Client.PostEmptyAsync($"/api/invitations/{invitation.Token}/accept")).ShouldBeProblemAsync(HttpStatusCode.Gone);
        Assert.Contains("used", reused.GetProperty("title").GetString());
        var stored = await (await facilitator.Client.GetAsync($"/api/studios/{studioId}/invitations/{invitation.Id}"))
            .ShouldBeAsync<InvitationResponse>(HttpStatusCode.OK);
        Assert.Equal(("accepted", invitee.Id, (string?)null), (stored.Status, stored.AcceptedBy, stored.Token));
    }

    [Fact]
    public async Task Tokens_are_stored_only_as_their_hash()
    {
        var facilitator = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 3);
        var invitation = await (await facilitator.Client.PostJsonAsync($"/api/studios/{studioId}/invitations", new { email = "someone@example.org" }))
            .ShouldBeAsync<InvitationResponse>(HttpStatusCode.Created);

        await using var connection = await fixture.OpenDatabaseAsync();
        var hash = await connection.ExecuteScalarAsync<byte[]>("SELECT token_hash FROM invitations WHERE id = @Id", new { invitation.Id });
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(invitation.Token!)), hash);
        var row = await connection.ExecuteScalarAsync<string>("SELECT row_to_json(i)::text FROM invitations i WHERE id = @Id", new { invitation.Id });
        Assert.DoesNotContain(invitation.Token!, row);
    }

    [Fact]
    public async Task A_revoked_invitation_is_gone_and_leaves_the_roster()
    {
        var facilitator = await fixture.RegisterAsync();
        var invitee = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 3);
        var invitation = await (await facilitator.Client.PostJsonAsync($"/api/studios/{studioId}/invitations", new { email = invitee.Email }))
            .ShouldBeAsync<InvitationResponse>(HttpStatusCode.Created);

        await (await invitee.Client.DeleteAsync($"/api/studios/{studioId}/invitations/{invitation.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await facilitator.Client.DeleteAsync($"/api/studios/{studioId}/invitations/{invitation.Id}")).ShouldBeAsync(HttpStatusCode.NoContent);
        await (await facilitator.Client.DeleteAsync($"/api/studios/{studioId}/invitations/{invitation.Id}")).ShouldBeAsync(HttpStatusCode.NoContent);

        var revoked = await (await invitee.Client.PostEmptyAsync($"/api/invitations/{invitation.Token}/accept")).ShouldBeProblemAsync(HttpStatusCode.Gone);
        Assert.Contains("revoked", revoked.GetProperty("title").GetString());
        var line = await InvitedLineAsync(invitee, studioId);
        Assert.Equal(("cancelled", "invitation-revoked"), (line.State, line.EndReason));
        Assert.Empty((await (await facilitator.Client.GetAsync($"/api/studios/{studioId}/members?state=cancelled"))
            .ShouldBeAsync<Page<MemberResponse>>(HttpStatusCode.OK)).Items);
    }

    [Fact]
    public async Task An_expired_invitation_is_gone_and_its_invitee_leaves_the_roster()
    {
        var facilitator = await fixture.RegisterAsync();
        var invitee = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 3);
        var invitation = await (await facilitator.Client.PostJsonAsync($"/api/studios/{studioId}/invitations", new { email = invitee.Email }))
            .ShouldBeAsync<InvitationResponse>(HttpStatusCode.Created);

        fixture.Factory.Clock.Offset = MembershipFixture.InvitationLifetime + TimeSpan.FromMinutes(1);
        try
        {
            var expired = await (await invitee.Client.PostEmptyAsync($"/api/invitations/{invitation.Token}/accept")).ShouldBeProblemAsync(HttpStatusCode.Gone);
            Assert.Contains("expired", expired.GetProperty("title").GetString());
            await Eventually.TrueAsync(async () => (await InvitedLineAsync(invitee, studioId)).State == "cancelled",
                TimeSpan.FromSeconds(20), "housekeeping should take the invitee whose invitation expired off the roster");
            var listed = await (await facilitator.Client.GetAsync($"/api/studios/{studioId}/invitations"))
                .ShouldBeAsync<List<InvitationResponse>>(HttpStatusCode.OK);
            Assert.Equal("expired", Assert.Single(listed).Status);
        }
        finally
        {
            fixture.Factory.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Accepting_needs_a_registered_person_with_the_invited_email_and_a_real_token()
    {
        var facilitator = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 3);
        var future = fixture.Person("Not yet registered");
        var invitation = await (await facilitator.Client.PostJsonAsync($"/api/studios/{studioId}/invitations", new { email = future.Email }))
            .ShouldBeAsync<InvitationResponse>(HttpStatusCode.Created);

        await (await future.Client.PostEmptyAsync($"/api/invitations/{invitation.Token}/accept")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var someoneElse = await fixture.RegisterAsync();
        await (await someoneElse.Client.PostEmptyAsync($"/api/invitations/{invitation.Token}/accept")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await someoneElse.Client.PostEmptyAsync($"/api/invitations/{invitation.Token}x/accept")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        // Registering with the invited address is not enough: the address counts once verified.
        await (await future.Client.PostJsonAsync("/api/people", MembershipFixture.Profile(future))).ShouldBeAsync(HttpStatusCode.Created);
        var unverified = await (await future.Client.PostEmptyAsync($"/api/invitations/{invitation.Token}/accept"))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("email-not-verified", unverified.GetProperty("reason").GetString());
        Assert.Contains("Verify your email address", unverified.GetProperty("title").GetString());

        // Verifying it puts them on the roster as invited (their own view); then the token works.
        await fixture.VerifyAsync(future);
        Assert.Equal("invited", (await InvitedLineAsync(future, studioId)).State);
        var accepted = await (await future.Client.PostEmptyAsync($"/api/invitations/{invitation.Token}/accept")).ShouldBeAsync<MemberResponse>(HttpStatusCode.OK);
        Assert.Equal("active", accepted.State);
    }

    [Fact]
    public async Task Changing_email_away_from_an_invitation_takes_the_invitee_off_the_roster()
    {
        var facilitator = await fixture.RegisterAsync();
        var invitee = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 3);
        var invitation = await (await facilitator.Client.PostJsonAsync($"/api/studios/{studioId}/invitations", new { email = invitee.Email }))
            .ShouldBeAsync<InvitationResponse>(HttpStatusCode.Created);

        var moved = $"moved-{invitee.Email}";
        await (await invitee.Client.PutAsJsonAsync("/api/people/me",
            new { displayName = invitee.Name, email = moved, timeZone = "Europe/Berlin", locale = "en-GB" })).ShouldBeAsync(HttpStatusCode.OK);
        // The new address is a claim until verified: the verified one, and the invitation to it, still hold.
        Assert.Equal("invited", (await InvitedLineAsync(invitee, studioId)).State);

        await fixture.VerifyAsync(invitee, moved);
        var cancelled = await InvitedLineAsync(invitee, studioId);
        Assert.Equal(("cancelled", "email-changed"), (cancelled.State, cancelled.EndReason));
        await (await invitee.Client.PostEmptyAsync($"/api/invitations/{invitation.Token}/accept")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Only_facilitators_invite_and_only_facilitators_invite_co_facilitators()
    {
        var facilitator = await fixture.RegisterAsync();
        var participant = await fixture.RegisterAsync();
        var co = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 5);
        await participant.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests");
        var coInvitation = await (await facilitator.Client.PostJsonAsync($"/api/studios/{studioId}/invitations", new { email = co.Email, role = "co-facilitator" }))
            .ShouldBeAsync<InvitationResponse>(HttpStatusCode.Created);
        await (await co.Client.PostEmptyAsync($"/api/invitations/{coInvitation.Token}/accept")).ShouldBeAsync(HttpStatusCode.OK);

        await (await participant.Client.PostJsonAsync($"/api/studios/{studioId}/invitations", new { email = "friend@example.org" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await participant.Client.GetAsync($"/api/studios/{studioId}/invitations")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await co.Client.PostJsonAsync($"/api/studios/{studioId}/invitations", new { email = "helper@example.org", role = "co-facilitator" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await co.Client.PostJsonAsync($"/api/studios/{studioId}/invitations", new { email = "friend@example.org" }))
            .ShouldBeAsync(HttpStatusCode.Created);

        var invalid = await (await facilitator.Client.PostJsonAsync($"/api/studios/{studioId}/invitations", new { email = "nope", role = "facilitator" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["email", "role"], invalid.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        await (await facilitator.Client.PostJsonAsync($"/api/studios/{studioId}/invitations", new { email = participant.Email }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var asSteward = await (await fixture.Person("Steward", "steward").Client.GetAsync($"/api/studios/{studioId}/invitations"))
            .ShouldBeAsync<List<InvitationResponse>>(HttpStatusCode.OK);
        Assert.Equal(2, asSteward.Count);
        Assert.All(asSteward, i => Assert.Null(i.Email));
    }

    [Fact]
    public async Task An_invitation_turns_a_pending_request_into_membership()
    {
        var facilitator = await fixture.RegisterAsync();
        var person = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 3, joinPolicy: "request-to-join");
        var request = await (await person.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests")).ShouldBeAsync<MemberResponse>(HttpStatusCode.Created);
        var invitation = await (await facilitator.Client.PostJsonAsync($"/api/studios/{studioId}/invitations", new { email = person.Email }))
            .ShouldBeAsync<InvitationResponse>(HttpStatusCode.Created);

        var accepted = await (await person.Client.PostEmptyAsync($"/api/invitations/{invitation.Token}/accept")).ShouldBeAsync<MemberResponse>(HttpStatusCode.OK);
        Assert.Equal((request.MembershipId, "active", "invitation"), (accepted.MembershipId, accepted.State, accepted.JoinedVia));
    }

    /// <summary>The person's own line in the studio, as they see it among their studios (the inviter does not see it).</summary>
    private static async Task<PersonStudioResponse> InvitedLineAsync(TestPerson person, Guid studioId) =>
        Assert.Single((await (await person.Client.GetAsync($"/api/people/{person.Id}/studios"))
            .ShouldBeAsync<List<PersonStudioResponse>>(HttpStatusCode.OK)), line => line.StudioId == studioId);
}
