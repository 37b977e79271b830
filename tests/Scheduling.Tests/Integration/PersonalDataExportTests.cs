using System.Net;
using System.Text.Json;
using Studios.ServiceDefaults.PersonalData;
using Studios.Scheduling.Apis.Models;
using static Studios.Scheduling.Tests.Integration.Api;
using static Studios.Scheduling.Tests.Integration.SchedulingFixture;

namespace Studios.Scheduling.Tests.Integration;

/// <summary>GET /api/people/me/export: the caller's own rows, and nobody else's.</summary>
[Collection(SchedulingCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PersonalDataExportTests(SchedulingFixture fixture)
{
    [Fact]
    public async Task A_member_gets_their_roster_rsvps_and_calendar_feed_and_the_facilitator_their_series()
    {
        const string zone = "Europe/Paris";
        var studio = await fixture.NewStudioAsync(zone);
        var start = Today(zone).AddDays(2);
        var series = await CreateSeriesAsync(studio, Series($"FREQ=WEEKLY;BYDAY={Weekday(start)}", start, capacity: 5));
        var sessions = await SessionsAsync(studio.Facilitator, studio.Id, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(40));
        var member = await fixture.JoinAsync(studio);
        var other = await fixture.JoinAsync(studio);
        await ReadAsync<RsvpResult>(await PutAsync(member.Client, $"/api/sessions/{sessions[0].Id}/rsvps/me", new { response = "going" }));
        await ReadAsync<RsvpResult>(await PutAsync(other.Client, $"/api/sessions/{sessions[1].Id}/rsvps/me", new { response = "going" }));
        Assert.Equal(HttpStatusCode.Created, (await member.Client.PostAsync("/api/people/me/calendar-token", null)).StatusCode);

        var export = await ReadAsync<PersonalDataExport>(await member.Client.GetAsync(PersonalDataEndpoints.Path));
        Assert.Equal(("scheduling", member.Id), (export.Service, export.PersonId));
        var membership = Assert.Single(export.Data["studioMemberships"].EnumerateArray());
        Assert.Equal((studio.Id, "participant"), (membership.GetProperty("studio_id").GetGuid(), membership.GetProperty("role").GetString()));
        var rsvp = Assert.Single(export.Data["rsvps"].EnumerateArray());
        Assert.Equal((sessions[0].Id, "going"), (rsvp.GetProperty("session_id").GetGuid(), rsvp.GetProperty("status").GetString()));
        var feed = Assert.Single(export.Data["calendarFeed"].EnumerateArray());
        Assert.False(feed.TryGetProperty("token_hash", out _), "a feed's secret is never exported");
        Assert.Empty(export.Data["series"].EnumerateArray());
        Assert.DoesNotContain(other.Id.ToString(), JsonSerializer.Serialize(export));

        var facilitator = await ReadAsync<PersonalDataExport>(await studio.Facilitator.GetAsync(PersonalDataEndpoints.Path));
        Assert.Equal(series.Id, Assert.Single(facilitator.Data["series"].EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Empty(facilitator.Data["rsvps"].EnumerateArray());
        Assert.Empty(facilitator.Data["auditTrail"].EnumerateArray());
    }

    [Fact]
    public async Task Someone_the_service_has_never_seen_gets_empty_sections_and_no_token_gets_401()
    {
        var stranger = fixture.Factory.ClientFor(Guid.NewGuid(), "Sol Stranger", "participant");
        var export = await ReadAsync<PersonalDataExport>(await stranger.GetAsync(PersonalDataEndpoints.Path));
        Assert.Contains("rsvps", export.Data.Keys);
        Assert.All(export.Data.Values, section => Assert.Empty(section.EnumerateArray()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Factory.CreateClient().GetAsync(PersonalDataEndpoints.Path)).StatusCode);
    }
}
