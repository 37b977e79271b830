using System.Net;
using Studios.Membership.Contracts;
using Studios.Scheduling.Contracts;
using Studios.ServiceDefaults.Http;
using Studios.Stewardship.Apis.Models;
using Studios.Testing;

namespace Studios.Stewardship.Tests.Integration;

/// <summary>Discovery: active studios found by words, time zone, meeting day and open places, each card with the places
/// its roster (from Membership's events) leaves.</summary>
[Trait("Category", "Integration")]
public sealed class StudioDiscoveryTests(StewardshipFixture fixture) : IClassFixture<StewardshipFixture>
{
    private readonly HttpClient _steward = fixture.Factory.ClientFor(Guid.NewGuid(), "Sam Steward", "steward");
    private readonly HttpClient _participant = fixture.Factory.ClientFor(Guid.NewGuid(), "Ana", "participant");

    [Fact]
    public async Task A_search_finds_active_studios_by_words_zone_day_and_open_places_with_the_places_left()
    {
        var word = $"w{Guid.NewGuid():N}"[..12];
        var full = await _steward.ApproveAsync((await _steward.ProposeAsync($"Listening {word} full")).Id);
        var open = await _steward.ApproveAsync((await _steward.ProposeAsync($"Listening {word} open")).Id);
        var proposedOnly = await _steward.ProposeAsync($"Listening {word} proposed");

        // The full studio's twelve places taken (a facilitator does not take one); the open one has two participants.
        var now = fixture.Time.GetUtcNow();
        var fullStream = new StudioStream(full.Id, now);
        await fullStream.JoinAsync(fixture.Bus, Guid.NewGuid(), StudioRoles.Facilitator, daysAgo: 3);
        for (var i = 0; i < full.Capacity; i++) await fullStream.JoinAsync(fixture.Bus, Guid.NewGuid(), StudioRoles.Participant, daysAgo: 2);
        var openStream = new StudioStream(open.Id, now);
        for (var i = 0; i < 2; i++) await openStream.JoinAsync(fixture.Bus, Guid.NewGuid(), StudioRoles.Participant, daysAgo: 2);
        // The open studio meets next on a day two days from now (in Berlin, its zone).
        var nextSession = now.AddDays(2);
        await fixture.Bus.PublishAsync(new SessionScheduled(Guid.NewGuid(), open.Id, null, "Weekly practice", nextSession,
            nextSession.AddHours(1), "Europe/Berlin", null, 12, now));
        var berlinDay = TimeZoneInfo.ConvertTime(nextSession, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DayOfWeek;

        var cards = await Eventually.MatchAsync(async () => (await SearchAsync($"q={word}")).Items,
            items => items.Count == 2 && items.Single(c => c.Id == full.Id).PlacesLeft == 0
                && items.Single(c => c.Id == open.Id).PlacesLeft == full.Capacity - 2 && items.Single(c => c.Id == open.Id).NextSessionAt is not null,
            TimeSpan.FromSeconds(30), "both active studios with their places");
        Assert.DoesNotContain(cards, card => card.Id == proposedOnly.Id);
        Assert.Equal([full.Id, open.Id], cards.Select(card => card.Id));
        var openCard = cards.Single(card => card.Id == open.Id);
        Assert.Equal((open.Purpose, open.PracticeFocus, open.TimeZone, 2), (openCard.Purpose, openCard.PracticeFocus, openCard.TimeZone, openCard.ActiveParticipants));

        Assert.Equal([open.Id], (await SearchAsync($"q={word.ToUpperInvariant()}&openPlaces=true")).Items.Select(card => card.Id));
        Assert.Equal([open.Id], (await SearchAsync($"q={word}&day={berlinDay}")).Items.Select(card => card.Id));
        Assert.Empty((await SearchAsync($"q={word}&day={(DayOfWeek)(((int)berlinDay + 1) % 7)}")).Items);
        Assert.Equal(2, (await SearchAsync($"q={word}&timeZone=Europe/Berlin")).Items.Count);
        Assert.Empty((await SearchAsync($"q={word}&timeZone=Asia/Tokyo")).Items);
        var firstPage = await SearchAsync($"q={word}&limit=1");
        Assert.Equal([full.Id], firstPage.Items.Select(card => card.Id));
        Assert.Equal([open.Id], (await SearchAsync($"q={word}&limit=1&cursor={Uri.EscapeDataString(firstPage.NextCursor!)}")).Items.Select(card => card.Id));
    }

    [Fact]
    public async Task A_search_with_bad_filters_is_a_400_naming_each_field()
    {
        var response = await _participant.GetAsync($"/api/studios/search?q={new string('x', 201)}&timeZone=Mars/Olympus&day=someday&limit=0");
        var errors = await response.FieldErrorsAsync();
        Assert.Equal(["day", "limit", "q", "timeZone"], errors.Keys.Order());
        Assert.Contains("Mars/Olympus", errors["timeZone"][0]);
    }

    private async Task<Page<StudioCardResponse>> SearchAsync(string query) =>
        await (await _participant.GetAsync($"/api/studios/search?{query}")).ReadAsync<Page<StudioCardResponse>>(HttpStatusCode.OK);
}
