using System.Net;
using Studios.Scheduling.Apis.Models;
using Studios.Testing;

namespace Studios.Scheduling.Tests.Integration;

/// <summary>Feeds and personal data are never cached or sniffed, whether signed in, by feed link or refused.</summary>
[Collection(SchedulingCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SecurityHeadersTests(SchedulingFixture fixture)
{
    [Fact]
    public async Task Feeds_and_personal_data_carry_the_security_headers()
    {
        var studio = await fixture.NewStudioAsync("Europe/Berlin");
        var member = await fixture.JoinAsync(studio);
        var token = await SchedulingFixture.ReadAsync<CalendarTokenResult>(
            await member.Client.PostAsync("/api/people/me/calendar-token", null), HttpStatusCode.Created);
        using var anonymous = fixture.Factory.CreateClient();

        await SecurityHeaderChecks.AssertAllAsync(fixture.Factory.Services,
            () => anonymous.GetAsync(token.FeedUrl),
            () => studio.Facilitator.GetAsync($"/api/studios/{studio.Id}/calendar.ics"),
            () => member.Client.GetAsync("/api/people/me/sessions"),
            () => anonymous.GetAsync("/api/people/me/sessions"));
    }
}
