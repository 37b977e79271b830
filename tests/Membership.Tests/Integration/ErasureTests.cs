using System.Net;
using Dapper;
using Studios.Membership.Apis.Models;
using Studios.ServiceDefaults.Http;

namespace Studios.Membership.Tests.Integration;

[Collection(MembershipCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ErasureTests(MembershipFixture fixture)
{
    [Fact]
    public async Task Erasure_ends_memberships_promotes_the_waitlist_removes_personal_data_and_tells_everyone()
    {
        var facilitator = await fixture.RegisterAsync();
        var person = await fixture.RegisterAsync("To Be Forgotten");
        var waiting = await fixture.RegisterAsync();
        var full = await fixture.OpenStudioAsync(facilitator, capacity: 1);
        var asking = await fixture.OpenStudioAsync(facilitator, capacity: 1, joinPolicy: "request-to-join");
        await (await person.Client.PostEmptyAsync($"/api/studios/{full}/join-requests")).ShouldBeAsync(HttpStatusCode.Created);
        await (await waiting.Client.PostEmptyAsync($"/api/studios/{full}/join-requests")).ShouldBeAsync(HttpStatusCode.Created);
        await (await person.Client.PostJsonAsync($"/api/studios/{asking}/join-requests", new { intakeAnswer = "Private story" }))
            .ShouldBeAsync(HttpStatusCode.Created);
        await (await facilitator.Client.PostJsonAsync($"/api/studios/{full}/invitations", new { email = person.Email })).ShouldBeAsync(HttpStatusCode.Conflict);

        await (await facilitator.Client.DeleteAsync($"/api/people/{person.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await person.Client.DeleteAsync($"/api/people/{person.Id}")).ShouldBeAsync(HttpStatusCode.NoContent);

        var erased = await fixture.PersonErased.WaitForAsync(e => e.PersonId == person.Id);
        Assert.True(erased.OccurredAt > DateTimeOffset.UtcNow.AddMinutes(-5));
        var left = await fixture.MemberLeft.WaitForAsync(e => e.PersonId == person.Id);
        Assert.Equal((full, "participant", "erased"), (left.StudioId, left.Role, left.Reason));
        await fixture.MemberJoined.WaitForAsync(e => e.StudioId == full && e.PersonId == waiting.Id && e.JoinedVia == "waitlist");

        Assert.Equal(HttpStatusCode.Gone, (await facilitator.Client.GetAsync($"/api/people/{person.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await person.Client.GetAsync("/api/people/me")).StatusCode);
        var request = Assert.Single((await (await facilitator.Client.GetAsync($"/api/studios/{asking}/members?state=cancelled"))
            .ShouldBeAsync<Page<MemberResponse>>(HttpStatusCode.OK)).Items);
        Assert.Equal((person.Id, (string?)null, (string?)null, (string?)null, "erased"),
            (request.PersonId, request.DisplayName, request.Email, request.IntakeAnswer, request.EndReason));

        await using var connection = await fixture.OpenDatabaseAsync();
        var remaining = await connection.ExecuteScalarAsync<long>("""
            SELECT (SELECT count(*) FROM people WHERE id = @Id AND (display_name IS NOT NULL OR email IS NOT NULL OR time_zone IS NOT NULL OR locale IS NOT NULL))
                 + (SELECT count(*) FROM memberships WHERE person_id = @Id AND intake_answer IS NOT NULL)
                 + (SELECT count(*) FROM people WHERE email = @Email)
                 + (SELECT count(*) FROM email_claims WHERE person_id = @Id)
                 + (SELECT count(*) FROM email_verifications WHERE person_id = @Id)
            """, new { person.Id, person.Email });
        Assert.Equal(0, remaining);

        // Erasing twice is fine; the address is free for someone else.
        await (await person.Client.DeleteAsync($"/api/people/{person.Id}")).ShouldBeAsync(HttpStatusCode.NoContent);
        var newcomer = fixture.Person();
        await (await newcomer.Client.PostJsonAsync("/api/people", new { displayName = "New", email = person.Email, timeZone = "UTC", locale = "en" }))
            .ShouldBeAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_operator_may_erase_anyone_and_pending_invitations_to_them_die()
    {
        var facilitator = await fixture.RegisterAsync();
        var person = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 3);
        var invitation = await (await facilitator.Client.PostJsonAsync($"/api/studios/{studioId}/invitations", new { email = person.Email }))
            .ShouldBeAsync<InvitationResponse>(HttpStatusCode.Created);

        var @operator = fixture.Person("Operator", "operator");
        await (await @operator.Client.DeleteAsync($"/api/people/{person.Id}")).ShouldBeAsync(HttpStatusCode.NoContent);
        await fixture.PersonErased.WaitForAsync(e => e.PersonId == person.Id);
        await (await @operator.Client.DeleteAsync($"/api/people/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var stored = await (await facilitator.Client.GetAsync($"/api/studios/{studioId}/invitations/{invitation.Id}"))
            .ShouldBeAsync<InvitationResponse>(HttpStatusCode.OK);
        Assert.Equal(("revoked", (string?)null), (stored.Status, stored.Email));

        // Coming back later is a fresh registration.
        await (await person.Client.PostJsonAsync("/api/people", MembershipFixture.Profile(person))).ShouldBeAsync(HttpStatusCode.Created);
        await (await person.Client.PostEmptyAsync($"/api/invitations/{invitation.Token}/accept")).ShouldBeProblemAsync(HttpStatusCode.Gone);
    }
}
