using System.Net;
using System.Net.Http.Json;
using Studios.Membership.Apis.Models;
using Studios.Testing;

namespace Studios.Membership.Tests.Integration;

[Collection(MembershipCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PeopleTests(MembershipFixture fixture)
{
    [Fact]
    public async Task Registering_creates_the_signed_in_person_and_publishes_PersonRegistered_without_email()
    {
        var person = fixture.Person("Ada Lovelace");
        var response = await person.Client.PostJsonAsync("/api/people",
            new { displayName = "  Ada Lovelace ", email = $"  {person.Email.ToUpperInvariant()} ", timeZone = "Europe/London", locale = "en-GB" });

        var created = await response.ShouldBeAsync<PersonResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/people/{person.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(new PersonResponse(person.Id, "Ada Lovelace", person.Email, false, "Europe/London", "en-GB", created.RegisteredAt, 1), created);

        var registered = await fixture.PersonRegistered.WaitForAsync(e => e.PersonId == person.Id);
        Assert.Equal(("Ada Lovelace", "Europe/London", "en-GB"), (registered.DisplayName, registered.TimeZone, registered.Locale));

        var me = await (await person.Client.GetAsync("/api/people/me")).ShouldBeAsync<PersonResponse>(HttpStatusCode.OK);
        Assert.Equal((person.Email, false), (me.Email, me.EmailVerified));
        // The address (normalised) is mailed a verification link.
        Assert.Single(await fixture.VerificationTokensAsync(person.Id, person.Email));
    }

    [Fact]
    public async Task Registering_twice_is_a_conflict()
    {
        var person = await fixture.RegisterAsync();
        var again = await person.Client.PostJsonAsync("/api/people", MembershipFixture.Profile(person));
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Invalid_fields_are_named_and_nothing_is_saved()
    {
        var person = fixture.Person();
        var response = await person.Client.PostJsonAsync("/api/people",
            new { displayName = "", email = "ada-at-example.org", timeZone = "Europe/Atlantis", locale = "english!" });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["displayName", "email", "locale", "timeZone"], fields);
        Assert.Equal(HttpStatusCode.NotFound, (await person.Client.GetAsync("/api/people/me")).StatusCode);

        var malformed = await person.Client.PostAsync("/api/people", new StringContent("{\"displayName\":", System.Text.Encoding.UTF8, "application/json"));
        await malformed.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Requests_without_a_token_are_refused()
    {
        using var anonymous = fixture.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/people/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJsonAsync("/api/people", new { })).StatusCode);
    }

    [Fact]
    public async Task A_retried_registration_with_the_same_idempotency_key_returns_the_same_person()
    {
        var person = fixture.Person();
        HttpRequestMessage Request() => new(HttpMethod.Post, "/api/people")
        {
            Content = JsonContent.Create(MembershipFixture.Profile(person)),
            Headers = { { "Idempotency-Key", "register-once" } },
        };
        var first = await (await person.Client.SendAsync(Request())).ShouldBeAsync<PersonResponse>(HttpStatusCode.Created);
        var retry = await person.Client.SendAsync(Request());
        var replayed = await retry.ShouldBeAsync<PersonResponse>(HttpStatusCode.Created);
        Assert.Equal(first, replayed);
        Assert.Equal($"/api/people/{person.Id}", retry.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Updating_the_profile_publishes_PersonProfileUpdated_and_guards_against_lost_updates()
    {
        var person = await fixture.RegisterAsync("Grace");
        var current = await person.Client.GetAsync("/api/people/me");
        var etag = current.Headers.ETag!.Tag;
        var version = (await current.ShouldBeAsync<PersonResponse>(HttpStatusCode.OK)).Version;

        var update = new HttpRequestMessage(HttpMethod.Put, "/api/people/me")
        {
            Content = JsonContent.Create(new { displayName = "Grace Hopper", email = person.Email, timeZone = "America/New_York", locale = "en-US" }),
            Headers = { { "If-Match", etag } },
        };
        var updated = await (await person.Client.SendAsync(update)).ShouldBeAsync<PersonResponse>(HttpStatusCode.OK);
        Assert.Equal(("Grace Hopper", "America/New_York", "en-US", version + 1), (updated.DisplayName, updated.TimeZone, updated.Locale, updated.Version));
        var published = await fixture.PersonProfileUpdated.WaitForAsync(e => e.PersonId == person.Id);
        Assert.Equal(("Grace Hopper", "America/New_York", "en-US"), (published.DisplayName, published.TimeZone, published.Locale));

        var stale = new HttpRequestMessage(HttpMethod.Put, "/api/people/me")
        {
            Content = JsonContent.Create(new { displayName = "Lost update", email = person.Email, timeZone = "UTC", locale = "en" }),
            Headers = { { "If-Match", etag } },
        };
        await (await person.Client.SendAsync(stale)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var after = await (await person.Client.GetAsync("/api/people/me")).ShouldBeAsync<PersonResponse>(HttpStatusCode.OK);
        Assert.Equal("Grace Hopper", after.DisplayName);
    }

    [Fact]
    public async Task Changing_the_email_is_a_claim_until_verified_and_publishes_no_profile_update()
    {
        var person = await fixture.RegisterAsync();
        var other = await fixture.RegisterAsync();
        var newEmail = $"new-{person.Email}";

        // Someone else's verified address is taken like any other: a claim that tells nothing about its owner.
        var taken = await (await person.Client.PutAsJsonAsync("/api/people/me",
            new { displayName = person.Name, email = other.Email, timeZone = "Europe/Berlin", locale = "en-GB" })).ShouldBeAsync<PersonResponse>(HttpStatusCode.OK);
        Assert.Equal((other.Email, false), (taken.Email, taken.EmailVerified));

        var changed = await (await person.Client.PutAsJsonAsync("/api/people/me",
            new { displayName = person.Name, email = newEmail, timeZone = "Europe/Berlin", locale = "en-GB" })).ShouldBeAsync<PersonResponse>(HttpStatusCode.OK);
        Assert.Equal((newEmail, false), (changed.Email, changed.EmailVerified));
        // Until the new address is verified, others still see the verified one.
        var @operator = fixture.Person("Operator", "operator");
        Assert.Equal(person.Email, (await (await @operator.Client.GetAsync($"/api/people/{person.Id}")).ShouldBeAsync<PersonResponse>(HttpStatusCode.OK)).Email);

        await fixture.VerifyAsync(person, newEmail);
        var verified = await fixture.EmailVerified.WaitForAsync(e => e.PersonId == person.Id && e.Email == newEmail);
        Assert.Equal(newEmail, verified.Email);
        var me = await (await person.Client.GetAsync("/api/people/me")).ShouldBeAsync<PersonResponse>(HttpStatusCode.OK);
        Assert.Equal((newEmail, true), (me.Email, me.EmailVerified));

        // A later name change is the first PersonProfileUpdated for this person: the email changes sent none.
        await person.Client.PutAsJsonAsync("/api/people/me",
            new { displayName = "Renamed", email = newEmail, timeZone = "Europe/Berlin", locale = "en-GB" });
        await fixture.PersonProfileUpdated.WaitForAsync(e => e.PersonId == person.Id);
        Assert.Equal(["Renamed"], fixture.PersonProfileUpdated.Messages.Where(e => e.PersonId == person.Id).Select(e => e.DisplayName));
    }

    [Fact]
    public async Task A_profile_shows_the_email_only_to_the_person_facilitators_of_their_studios_and_operators()
    {
        var facilitator = await fixture.RegisterAsync();
        var member = await fixture.RegisterAsync();
        var stranger = await fixture.RegisterAsync();
        var steward = fixture.Person("Steward", "steward");
        var @operator = fixture.Person("Operator", "operator");
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 5);
        await (await member.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests")).ShouldBeAsync(HttpStatusCode.Created);

        async Task<string?> EmailSeenBy(TestPerson viewer) =>
            (await (await viewer.Client.GetAsync($"/api/people/{member.Id}")).ShouldBeAsync<PersonResponse>(HttpStatusCode.OK)).Email;

        Assert.Equal(member.Email, await EmailSeenBy(member));
        Assert.Equal(member.Email, await EmailSeenBy(facilitator));
        Assert.Equal(member.Email, await EmailSeenBy(@operator));
        Assert.Null(await EmailSeenBy(stranger));
        Assert.Null(await EmailSeenBy(steward));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/api/people/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_person_sees_their_own_studios_others_may_not()
    {
        var facilitator = await fixture.RegisterAsync();
        var member = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 5);
        await member.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests");

        var studios = await (await member.Client.GetAsync($"/api/people/{member.Id}/studios"))
            .ShouldBeAsync<List<PersonStudioResponse>>(HttpStatusCode.OK);
        var membership = Assert.Single(studios);
        Assert.Equal((studioId, "open", "participant", "active"), (membership.StudioId, membership.StudioStatus, membership.Role, membership.State));

        await (await facilitator.Client.GetAsync($"/api/people/{member.Id}/studios")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var steward = fixture.Person("Steward", "steward");
        Assert.Single(await (await steward.Client.GetAsync($"/api/people/{member.Id}/studios"))
            .ShouldBeAsync<List<PersonStudioResponse>>(HttpStatusCode.OK));
    }
}
