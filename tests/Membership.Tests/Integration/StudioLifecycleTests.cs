using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Studios.Membership.Apis.Models;
using Studios.ServiceDefaults.Http;
using Studios.Stewardship.Contracts;
using Studios.Testing;

namespace Studios.Membership.Tests.Integration;

/// <summary>Stewardship's lifecycle events open, pause, resume and close rosters.</summary>
[Collection(MembershipCollection.Name)]
[Trait("Category", "Integration")]
public sealed class StudioLifecycleTests(MembershipFixture fixture)
{
    private static StudioApproved Approved(Guid studioId, Guid founderId, int capacity = 4) =>
        new(studioId, "Morning Pages", founderId, capacity, "America/Sao_Paulo", Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow);

    [Fact]
    public async Task Approval_opens_the_roster_with_a_founding_facilitator_not_registered_yet()
    {
        var founder = fixture.Person("Founder", "facilitator");
        var studioId = Guid.NewGuid();
        await fixture.Bus.PublishAsync(Approved(studioId, founder.Id, capacity: 6));

        var joined = await fixture.MemberJoined.WaitForAsync(e => e.StudioId == studioId);
        Assert.Equal((founder.Id, "facilitator", "founding"), (joined.PersonId, joined.Role, joined.JoinedVia));

        var studio = await (await founder.Client.GetAsync($"/api/studios/{studioId}")).ShouldBeAsync<StudioResponse>(HttpStatusCode.OK);
        Assert.Equal(("Morning Pages", "open", "request-to-join", 6, "America/Sao_Paulo", 0L, 6L),
            (studio.Name, studio.Status, studio.JoinPolicy, studio.Capacity, studio.TimeZone, studio.ActiveParticipants, studio.PlacesLeft));
        var roster = await (await founder.Client.GetAsync($"/api/studios/{studioId}/members"))
            .ShouldBeAsync<Page<MemberResponse>>(HttpStatusCode.OK);
        var line = Assert.Single(roster.Items);
        Assert.Equal((founder.Id, (string?)null, "facilitator", "active"), (line.PersonId, line.DisplayName, line.Role, line.State));

        // Once the founder registers, the roster shows their name, and their address once verified.
        await (await founder.Client.PostJsonAsync("/api/people", MembershipFixture.Profile(founder))).ShouldBeAsync(HttpStatusCode.Created);
        roster = await (await founder.Client.GetAsync($"/api/studios/{studioId}/members")).ShouldBeAsync<Page<MemberResponse>>(HttpStatusCode.OK);
        Assert.Equal(("Founder", (string?)null), (roster.Items[0].DisplayName, roster.Items[0].Email));
        await fixture.VerifyAsync(founder);
        roster = await (await founder.Client.GetAsync($"/api/studios/{studioId}/members")).ShouldBeAsync<Page<MemberResponse>>(HttpStatusCode.OK);
        Assert.Equal(("Founder", founder.Email), (roster.Items[0].DisplayName, roster.Items[0].Email));
    }

    [Fact]
    public async Task A_redelivered_or_repeated_approval_has_no_second_effect()
    {
        var founder = fixture.Person();
        var studioId = Guid.NewGuid();
        var approval = Approved(studioId, founder.Id);
        var messageId = Guid.NewGuid();
        using var duplicates = DuplicatesSkipped();

        await fixture.Bus.PublishAsync(approval, messageId);
        await fixture.MemberJoined.WaitForAsync(e => e.StudioId == studioId);
        await fixture.Bus.PublishAsync(approval, messageId);
        await Eventually.TrueAsync(() => duplicates.Count > 0, TimeSpan.FromSeconds(20), "the inbox should skip the redelivery");

        // The same approval sent again as a new message: consumed, and still changes nothing.
        var repeatId = Guid.NewGuid();
        await fixture.Bus.PublishAsync(approval with { Capacity = 99 }, repeatId);
        await Eventually.TrueAsync(async () => await CountAsync($"SELECT count(*) FROM inbox WHERE message_id = '{repeatId}'") == 1,
            TimeSpan.FromSeconds(20), "the repeated approval should be consumed");

        Assert.Equal(1, await CountAsync(
            $"SELECT count(*) FROM outbox WHERE body->>'studioId' = '{studioId}' AND message_type LIKE 'Studios.Membership.Contracts.MemberJoinedStudio,%'"));
        Assert.Equal(1, await CountAsync($"SELECT count(*) FROM memberships WHERE studio_id = '{studioId}'"));
        var studio = await (await founder.Client.GetAsync($"/api/studios/{studioId}")).ShouldBeAsync<StudioResponse>(HttpStatusCode.OK);
        Assert.Equal(4, studio.Capacity);
    }

    [Fact]
    public async Task A_paused_studio_takes_no_one_and_promotes_its_waitlist_when_it_resumes()
    {
        var facilitator = await fixture.RegisterAsync();
        var first = await fixture.RegisterAsync();
        var waiting = await fixture.RegisterAsync();
        var late = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 1);
        await (await first.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests")).ShouldBeAsync(HttpStatusCode.Created);
        await (await waiting.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests")).ShouldBeAsync(HttpStatusCode.Created);

        var pausedAt = DateTimeOffset.UtcNow;
        await fixture.Bus.PublishAsync(new StudioPaused(studioId, "Summer break", Guid.NewGuid(), pausedAt));
        await Eventually.TrueAsync(async () => (await StudioAsync(facilitator, studioId)).Status == "paused",
            TimeSpan.FromSeconds(20), "the studio should be paused");

        var refused = await (await late.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("paused", refused.GetProperty("currentState").GetProperty("studioStatus").GetString());
        // A place freed while paused is kept for the waitlist, not filled yet.
        await (await first.Client.PostEmptyAsync($"/api/studios/{studioId}/members/{first.Id}/leave")).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(1, (await StudioAsync(facilitator, studioId)).WaitlistLength);

        // A resume older than the pause (arriving late) changes nothing; a newer one reopens the studio.
        await fixture.Bus.PublishAsync(new StudioResumed(studioId, Guid.NewGuid(), pausedAt.AddMinutes(-5)));
        await fixture.Bus.PublishAsync(new StudioResumed(studioId, Guid.NewGuid(), pausedAt.AddMinutes(5)));
        var promoted = await fixture.MemberJoined.WaitForAsync(e => e.StudioId == studioId && e.PersonId == waiting.Id);
        Assert.Equal("waitlist", promoted.JoinedVia);
        Assert.Equal("open", (await StudioAsync(facilitator, studioId)).Status);
    }

    [Fact]
    public async Task A_pause_that_arrives_before_the_approval_still_applies()
    {
        var founder = fixture.Person();
        var studioId = Guid.NewGuid();
        await fixture.Bus.PublishAsync(new StudioPaused(studioId, "Paused straight away", Guid.NewGuid(), DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(async () => await CountAsync($"SELECT count(*) FROM studios WHERE id = '{studioId}'") == 1,
            TimeSpan.FromSeconds(20), "the early pause should be kept");
        await fixture.Bus.PublishAsync(Approved(studioId, founder.Id) with { OccurredAt = DateTimeOffset.UtcNow.AddMinutes(-1) });

        await fixture.MemberJoined.WaitForAsync(e => e.StudioId == studioId && e.PersonId == founder.Id);
        var studio = await StudioAsync(founder, studioId);
        Assert.Equal(("paused", "Morning Pages"), (studio.Status, studio.Name));
    }

    [Fact]
    public async Task Retirement_makes_members_alumni_ends_waitlist_and_invitations_and_closes_the_roster()
    {
        var facilitator = await fixture.RegisterAsync();
        var member = await fixture.RegisterAsync();
        var waiting = await fixture.RegisterAsync();
        var newcomer = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 1);
        await member.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests");
        await waiting.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests");
        var invitation = await (await facilitator.Client.PostJsonAsync($"/api/studios/{studioId}/invitations", new { email = newcomer.Email }))
            .ShouldBeAsync<InvitationResponse>(HttpStatusCode.Created);

        var retiredBy = Guid.NewGuid();
        await fixture.Bus.PublishAsync(new StudioRetired(studioId, "The group completed its arc", retiredBy, DateTimeOffset.UtcNow));

        var left = await fixture.MemberLeft.WaitForAsync(e => e.StudioId == studioId && e.PersonId == member.Id);
        Assert.Equal(("participant", "studio-retired"), (left.Role, left.Reason));
        var founderLeft = await fixture.MemberLeft.WaitForAsync(e => e.StudioId == studioId && e.PersonId == facilitator.Id);
        Assert.Equal(("facilitator", "studio-retired"), (founderLeft.Role, founderLeft.Reason));

        var steward = fixture.Person("Steward", "steward");
        var roster = await (await steward.Client.GetAsync($"/api/studios/{studioId}/members")).ShouldBeAsync<Page<MemberResponse>>(HttpStatusCode.OK);
        // The invitee's line ended too, but an invitation never accepted shows only to its invitee.
        Assert.Equal(["alumni", "alumni", "cancelled"], roster.Items.Select(m => m.State).Order());
        Assert.Equal("cancelled", Assert.Single((await (await newcomer.Client.GetAsync($"/api/people/{newcomer.Id}/studios"))
            .ShouldBeAsync<List<PersonStudioResponse>>(HttpStatusCode.OK))).State);
        Assert.DoesNotContain(fixture.MemberLeft.Messages, e => e.StudioId == studioId && e.PersonId == waiting.Id);

        Assert.Equal("retired", (await StudioAsync(steward, studioId)).Status);
        await (await newcomer.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await newcomer.Client.PostEmptyAsync($"/api/invitations/{invitation.Token}/accept")).ShouldBeProblemAsync(HttpStatusCode.Gone);
    }

    private sealed class DuplicateCounter(MeterListener listener) : IDisposable
    {
        private long _count;
        public long Count => Interlocked.Read(ref _count);
        public void Add(long value) => Interlocked.Add(ref _count, value);
        public void Dispose() => listener.Dispose();
    }

    private DuplicateCounter DuplicatesSkipped()
    {
        var scope = fixture.Factory.Services.GetRequiredService<IMeterFactory>();
        var listener = new MeterListener();
        var counter = new DuplicateCounter(listener);
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == scope && instrument.Name == "inbox.duplicates") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => counter.Add(value));
        listener.Start();
        return counter;
    }

    private static async Task<StudioResponse> StudioAsync(TestPerson viewer, Guid studioId) =>
        await (await viewer.Client.GetAsync($"/api/studios/{studioId}")).ShouldBeAsync<StudioResponse>(HttpStatusCode.OK);

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await fixture.OpenDatabaseAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
