using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Studios.Membership.Apis.Models;
using Studios.ServiceDefaults.Http;

namespace Studios.Membership.Tests.Integration;

/// <summary>An address counts once the person opens the link mailed to it: until then it is a claim that gets no
/// invitations, shows to no one else and blocks no one; registering tells no one whether an address is taken.</summary>
[Collection(MembershipCollection.Name)]
[Trait("Category", "Integration")]
public sealed class EmailVerificationTests(MembershipFixture fixture)
{
    [Fact]
    public async Task An_address_counts_once_the_link_mailed_to_it_is_opened_and_a_mere_click_verifies_nothing()
    {
        var person = await fixture.RegisterUnverifiedAsync("Vera");
        var @operator = fixture.Person("Operator", "operator");
        Assert.Null((await (await @operator.Client.GetAsync($"/api/people/{person.Id}")).ShouldBeAsync<PersonResponse>(HttpStatusCode.OK)).Email);
        var token = Assert.Single(await fixture.VerificationTokensAsync(person.Id, person.Email));
        using var anonymous = fixture.Factory.CreateClient();

        // Clicking the link (or a mail scanner following it) shows a button; only its POST verifies.
        var page = await anonymous.GetAsync($"/api/email-verifications/{token}");
        var html = await page.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains(person.Email, html);
        Assert.Contains("<form method=\"post\">", html);
        Assert.False((await (await person.Client.GetAsync("/api/people/me")).ShouldBeAsync<PersonResponse>(HttpStatusCode.OK)).EmailVerified);

        var confirmed = await anonymous.PostAsync($"/api/email-verifications/{token}",
            new FormUrlEncodedContent([new KeyValuePair<string, string>("confirm", "yes")]));
        Assert.Contains("is verified", await confirmed.ShouldBeAsync(HttpStatusCode.OK));
        Assert.Equal("text/html", confirmed.Content.Headers.ContentType?.MediaType);

        var published = await fixture.EmailVerified.WaitForAsync(e => e.PersonId == person.Id);
        Assert.Equal(person.Email, published.Email);
        var me = await (await person.Client.GetAsync("/api/people/me")).ShouldBeAsync<PersonResponse>(HttpStatusCode.OK);
        Assert.Equal((person.Email, true), (me.Email, me.EmailVerified));
        Assert.Equal(person.Email, (await (await @operator.Client.GetAsync($"/api/people/{person.Id}")).ShouldBeAsync<PersonResponse>(HttpStatusCode.OK)).Email);
    }

    [Fact]
    public async Task A_link_works_once_and_not_after_it_expires_and_an_unknown_one_is_not_found()
    {
        var person = await fixture.RegisterUnverifiedAsync();
        var token = Assert.Single(await fixture.VerificationTokensAsync(person.Id, person.Email));
        using var anonymous = fixture.Factory.CreateClient();

        var verified = await (await anonymous.PostAsync($"/api/email-verifications/{token}", null)).ShouldBeAsync<EmailVerificationResponse>(HttpStatusCode.OK);
        Assert.Equal(person.Email, verified.Email);
        Assert.NotNull(verified.VerifiedAt);
        var used = await (await anonymous.PostAsync($"/api/email-verifications/{token}", null)).ShouldBeProblemAsync(HttpStatusCode.Gone);
        Assert.Contains("already used", used.GetProperty("title").GetString());

        await (await anonymous.PostAsync($"/api/email-verifications/{token}x", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.PostAsync($"/api/email-verifications/{new string('a', 101)}", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/api/email-verifications/{token}x")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var late = await fixture.RegisterUnverifiedAsync();
        var lateToken = Assert.Single(await fixture.VerificationTokensAsync(late.Id, late.Email));
        fixture.Factory.Clock.Offset = TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1);
        try
        {
            var expired = await (await anonymous.PostAsync($"/api/email-verifications/{lateToken}", null)).ShouldBeProblemAsync(HttpStatusCode.Gone);
            Assert.Contains("expired", expired.GetProperty("title").GetString());
            Assert.Contains("/api/people/me/email-verification", expired.GetProperty("detail").GetString());

            // A new link, asked for, works.
            var again = await (await late.Client.PostEmptyAsync("/api/people/me/email-verification"))
                .ShouldBeAsync<EmailVerificationResponse>(HttpStatusCode.Accepted);
            Assert.Equal(late.Email, again.Email);
            await fixture.VerificationTokensAsync(late.Id, late.Email, count: 2);
            await fixture.VerifyAsync(late);
        }
        finally
        {
            fixture.Factory.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Asking_for_the_mail_again_is_limited_and_needs_an_unverified_address()
    {
        var person = await fixture.RegisterUnverifiedAsync();
        var tooSoon = await person.Client.PostEmptyAsync("/api/people/me/email-verification");
        var problem = await tooSoon.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(tooSoon.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 carries Retry-After");
        Assert.True(problem.GetProperty("retryAfterSeconds").GetInt32() is > 0 and <= 60);

        fixture.Factory.Clock.Offset = TimeSpan.FromSeconds(61);
        try
        {
            await (await person.Client.PostEmptyAsync("/api/people/me/email-verification")).ShouldBeAsync(HttpStatusCode.Accepted);
            var tokens = await fixture.VerificationTokensAsync(person.Id, person.Email, count: 2);
            Assert.Equal(2, tokens.Distinct().Count());
            await fixture.VerifyAsync(person);
        }
        finally
        {
            fixture.Factory.Clock.Offset = TimeSpan.Zero;
        }
        var verified = await (await person.Client.PostEmptyAsync("/api/people/me/email-verification")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("already verified", verified.GetProperty("title").GetString());
        await (await fixture.Person().Client.PostEmptyAsync("/api/people/me/email-verification")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_owner_registers_and_verifies_an_address_someone_else_claimed_and_the_other_claim_is_dropped()
    {
        var owner = fixture.Person("Owner");
        var squatter = fixture.Person("Squatter");
        await (await squatter.Client.PostJsonAsync("/api/people",
            new { displayName = "Squatter", email = owner.Email.ToUpperInvariant(), timeZone = "UTC", locale = "en" })).ShouldBeAsync(HttpStatusCode.Created);

        // The unverified claim blocks no one.
        await (await owner.Client.PostJsonAsync("/api/people", MembershipFixture.Profile(owner))).ShouldBeAsync(HttpStatusCode.Created);
        var squattersToken = Assert.Single(await fixture.VerificationTokensAsync(squatter.Id, owner.Email));
        await fixture.VerifyAsync(owner);

        using var anonymous = fixture.Factory.CreateClient();
        var dropped = await (await anonymous.PostAsync($"/api/email-verifications/{squattersToken}", null)).ShouldBeProblemAsync(HttpStatusCode.Gone);
        Assert.Contains("no longer works", dropped.GetProperty("title").GetString());
        var squattersProfile = await (await squatter.Client.GetAsync("/api/people/me")).ShouldBeAsync<PersonResponse>(HttpStatusCode.OK);
        Assert.Equal((null, false), (squattersProfile.Email, squattersProfile.EmailVerified));
        var nothing = await (await squatter.Client.PostEmptyAsync("/api/people/me/email-verification")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("no address", nothing.GetProperty("title").GetString());
        var mine = await (await owner.Client.GetAsync("/api/people/me")).ShouldBeAsync<PersonResponse>(HttpStatusCode.OK);
        Assert.Equal((owner.Email, true), (mine.Email, mine.EmailVerified));
    }

    [Fact]
    public async Task Registering_answers_the_same_whether_or_not_the_address_is_someone_elses()
    {
        var owner = await fixture.RegisterAsync();
        var late = fixture.Person("Same Name");
        var fresh = fixture.Person("Same Name");

        var onTaken = await late.Client.PostJsonAsync("/api/people",
            new { displayName = "Same Name", email = owner.Email, timeZone = "UTC", locale = "en" });
        var onFree = await fresh.Client.PostJsonAsync("/api/people",
            new { displayName = "Same Name", email = fresh.Email, timeZone = "UTC", locale = "en" });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (onTaken.StatusCode, onFree.StatusCode));
        // Everything but the caller's own id, address and time is the same.
        static async Task<string> ShapeAsync(HttpResponseMessage response) => string.Join(", ",
            JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateObject()
                .Select(p => p.Name is "id" or "email" or "registeredAt" ? p.Name : $"{p.Name}={p.Value}"));
        Assert.Equal(await ShapeAsync(onFree), await ShapeAsync(onTaken));
        Assert.Contains("emailVerified=False", await ShapeAsync(onTaken));
        Assert.Equal(onFree.Headers.Select(h => h.Key).Order(), onTaken.Headers.Select(h => h.Key).Order());
        // Both get the verification mail: only the mailbox learns (from the link) that the address is taken.
        var token = Assert.Single(await fixture.VerificationTokensAsync(late.Id, owner.Email));
        Assert.Single(await fixture.VerificationTokensAsync(fresh.Id, fresh.Email));
        using var anonymous = fixture.Factory.CreateClient();
        var elsewhere = await (await anonymous.PostAsync($"/api/email-verifications/{token}", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("another account", elsewhere.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_unverified_claimant_is_not_the_invitee_and_cannot_accept()
    {
        var facilitator = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 3, joinPolicy: "invite-only");
        var owner = fixture.Person("Rightful Owner");
        var squatter = fixture.Person("Squatter");
        await (await squatter.Client.PostJsonAsync("/api/people",
            new { displayName = "Squatter", email = owner.Email, timeZone = "UTC", locale = "en" })).ShouldBeAsync(HttpStatusCode.Created);

        var invitation = await (await facilitator.Client.PostJsonAsync($"/api/studios/{studioId}/invitations", new { email = owner.Email }))
            .ShouldBeAsync<InvitationResponse>(HttpStatusCode.Created);
        Assert.Empty((await (await facilitator.Client.GetAsync($"/api/studios/{studioId}/members?state=invited"))
            .ShouldBeAsync<Page<MemberResponse>>(HttpStatusCode.OK)).Items);
        Assert.Empty((await (await squatter.Client.GetAsync($"/api/people/{squatter.Id}/studios"))
            .ShouldBeAsync<List<PersonStudioResponse>>(HttpStatusCode.OK)));

        var refused = await (await squatter.Client.PostEmptyAsync($"/api/invitations/{invitation.Token}/accept")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("email-not-verified", refused.GetProperty("reason").GetString());

        // The owner registers and verifies the address: the invitation is theirs.
        await (await owner.Client.PostJsonAsync("/api/people", MembershipFixture.Profile(owner))).ShouldBeAsync(HttpStatusCode.Created);
        await fixture.VerifyAsync(owner);
        var accepted = await (await owner.Client.PostEmptyAsync($"/api/invitations/{invitation.Token}/accept")).ShouldBeAsync<MemberResponse>(HttpStatusCode.OK);
        Assert.Equal(("active", owner.Id), (accepted.State, accepted.PersonId));
    }

    [Fact]
    public async Task An_invitation_shows_the_inviter_what_they_typed_and_its_status_never_who_has_the_address()
    {
        var facilitator = await fixture.RegisterAsync();
        var invitee = await fixture.RegisterAsync("Private Invitee");
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 3);

        var created = await facilitator.Client.PostJsonAsync($"/api/studios/{studioId}/invitations", new { email = invitee.Email.ToUpperInvariant() });
        var body = await created.ShouldBeAsync(HttpStatusCode.Created);
        var invitation = JsonSerializer.Deserialize<InvitationResponse>(body, HttpAssertions.Json)!;
        var listed = await (await facilitator.Client.GetAsync($"/api/studios/{studioId}/invitations")).ShouldBeAsync(HttpStatusCode.OK);
        foreach (var text in new[] { body, listed })
        {
            Assert.DoesNotContain(invitee.Id.ToString(), text);
            Assert.DoesNotContain("Private Invitee", text);
        }
        Assert.Equal((invitee.Email, "pending"), (invitation.Email, invitation.Status));
        var roster = await (await facilitator.Client.GetAsync($"/api/studios/{studioId}/members")).ShouldBeAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(invitee.Id.ToString(), roster);
        Assert.Null((await (await facilitator.Client.GetAsync($"/api/people/{invitee.Id}")).ShouldBeAsync<PersonResponse>(HttpStatusCode.OK)).Email);

        // Once they accept, they are a member like any other.
        await (await invitee.Client.PostEmptyAsync($"/api/invitations/{invitation.Token}/accept")).ShouldBeAsync(HttpStatusCode.OK);
        var members = await (await facilitator.Client.GetAsync($"/api/studios/{studioId}/members?state=active"))
            .ShouldBeAsync<Page<MemberResponse>>(HttpStatusCode.OK);
        Assert.Contains(members.Items, m => m.PersonId == invitee.Id && m.Email == invitee.Email);
    }
}
