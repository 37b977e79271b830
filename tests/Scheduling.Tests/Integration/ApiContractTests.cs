using System.Net;
using System.Text.Json;
using Studios.Scheduling.Apis.Models;
using static Studios.Scheduling.Tests.Integration.Api;
using static Studios.Scheduling.Tests.Integration.SchedulingFixture;

namespace Studios.Scheduling.Tests.Integration;

/// <summary>Bad input, who may do what, idempotent retries and the personal feed token.</summary>
[Collection(SchedulingCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ApiContractTests(SchedulingFixture fixture)
{
    private const string Zone = "Europe/Berlin";

    public static TheoryData<string, string> BadSeries => new()
    {
        { """{"title":"x","rule":"FREQ=SECONDLY","startDate":"2030-01-01","startTime":"19:00:00","durationMinutes":60}""", "rule" },
        { """{"title":"x","rule":"FREQ=MINUTELY;COUNT=5","startDate":"2030-01-01","startTime":"19:00:00","durationMinutes":60}""", "rule" },
        { """{"title":"x","rule":"FREQ=DAILY","startDate":"2020-01-01","startTime":"19:00:00","durationMinutes":60}""", "rule" },
        { """{"title":"x","rule":"FREQ=WEEKLY","startDate":"2030-01-01","startTime":"19:00:00","durationMinutes":60,"timeZone":"Europe/Atlantis"}""", "timeZone" },
        { """{"title":"x","rule":"FREQ=WEEKLY","startDate":"2030-01-01","startTime":"19:00:00","durationMinutes":60,"until":"2029-12-01"}""", "until" },
        { """{"title":"x","rule":"FREQ=WEEKLY","startDate":"2030-01-01","startTime":"19:00:00","durationMinutes":0}""", "durationMinutes" },
        { """{"title":"x","rule":"FREQ=WEEKLY","startDate":"2030-01-01","startTime":"19:00:00","durationMinutes":1441}""", "durationMinutes" },
        { """{"title":"","rule":"FREQ=WEEKLY","startDate":"2030-01-01","startTime":"19:00:00","durationMinutes":60}""", "title" },
        { """{"title":"x","rule":"FREQ=WEEKLY","startDate":"2030-01-01","startTime":"19:00:00","durationMinutes":60,"capacity":0}""", "capacity" },
        { """{"title":"x","rule":"FREQ=WEEKLY","startDate":"2030-01-01","startTime":"19:00:00","durationMinutes":60,"onlineUrl":"ftp://x"}""", "onlineUrl" },
    };

    [Theory]
    [MemberData(nameof(BadSeries))]
    public async Task Invalid_series_are_refused_naming_the_field_and_leave_nothing_behind(string body, string field)
    {
        var studio = await fixture.NewStudioAsync(Zone);
        var response = await studio.Facilitator.PostAsync($"/api/studios/{studio.Id}/series",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}");

        var list = await ReadAsync<Studios.ServiceDefaults.Http.Page<SeriesResponse>>(await studio.Facilitator.GetAsync($"/api/studios/{studio.Id}/series"));
        Assert.Empty(list.Items);
    }

    [Fact]
    public async Task Only_the_studio_facilitators_create_series_and_stewards_read_everything()
    {
        var studio = await fixture.NewStudioAsync(Zone);
        var participant = await fixture.JoinAsync(studio);
        var start = Today(Zone).AddDays(3);
        var body = Series($"FREQ=WEEKLY;BYDAY={Weekday(start)}", start);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(participant.Client, $"/api/studios/{studio.Id}/series", body)).StatusCode);
        var otherFacilitator = fixture.Factory.ClientFor(Guid.NewGuid(), "Elsewhere", "facilitator");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(otherFacilitator, $"/api/studios/{studio.Id}/series", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(studio.Facilitator, $"/api/studios/{Guid.NewGuid()}/series", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Factory.CreateClient().GetAsync($"/api/studios/{studio.Id}/sessions")).StatusCode);

        await CreateSeriesAsync(studio, body);
        var steward = fixture.Factory.ClientFor(Guid.NewGuid(), "Stew", "steward");
        Assert.NotEmpty(await SessionsAsync(steward, studio.Id, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30)));
        Assert.NotEmpty(await SessionsAsync(participant.Client, studio.Id, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30)));
        Assert.Equal(HttpStatusCode.BadRequest, (await steward.GetAsync($"/api/studios/{studio.Id}/sessions?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await steward.GetAsync($"/api/studios/{studio.Id}/sessions?cursor=nonsense")).StatusCode);
    }

    [Fact]
    public async Task A_retried_create_with_the_same_idempotency_key_returns_the_same_series()
    {
        var studio = await fixture.NewStudioAsync(Zone);
        var start = Today(Zone).AddDays(3);
        var body = JsonSerializer.Serialize(Series($"FREQ=WEEKLY;BYDAY={Weekday(start)}", start), Json);
        async Task<HttpResponseMessage> SendAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/studios/{studio.Id}/series")
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", "create-evening-series");
            return await studio.Facilitator.SendAsync(request);
        }
        var first = await ReadAsync<SeriesResponse>(await SendAsync(), HttpStatusCode.Created);
        var retry = await SendAsync();
        Assert.Equal(first.Id, (await ReadAsync<SeriesResponse>(retry, HttpStatusCode.Created)).Id);
        Assert.Equal($"/api/series/{first.Id}", retry.Headers.Location?.ToString());
        var list = await ReadAsync<Studios.ServiceDefaults.Http.Page<SeriesResponse>>(await studio.Facilitator.GetAsync($"/api/studios/{studio.Id}/series"));
        Assert.Single(list.Items);
    }

    [Fact]
    public async Task The_personal_feed_works_without_a_bearer_token_matches_my_sessions_and_is_revoked_by_rotation()
    {
        var berlin = await fixture.NewStudioAsync(Zone);
        var newYork = await fixture.NewStudioAsync("America/New_York");
        var member = await fixture.JoinAsync(berlin);
        await fixture.Bus.PublishAsync(new Studios.Membership.Contracts.MemberJoinedStudio(newYork.Id, member.Id, "participant", "open", DateTimeOffset.UtcNow));
        var start = Today(Zone).AddDays(2);
        await CreateSeriesAsync(berlin, Series($"FREQ=WEEKLY;BYDAY={Weekday(start)}", start));
        await CreateSeriesAsync(newYork, Series($"FREQ=MONTHLY;BYMONTHDAY={Math.Min(start.Day, 28)}", start.Day > 28 ? start.AddDays(4) : start, "08:00:00"));

        var token = await ReadAsync<CalendarTokenResult>(await member.Client.PostAsync("/api/people/me/calendar-token", null), HttpStatusCode.Created);
        // Absolute (here the test server's own address, no PublicBaseUrl being set): calendar apps get it on its own.
        Assert.Equal($"http://localhost/api/calendars/{token.Token}.ics", token.FeedUrl);
        var anonymous = fixture.Factory.CreateClient();
        var from = DateTimeOffset.UtcNow;
        var to = from.AddDays(120);
        List<SessionResponse> mine = [];
        await Studios.Testing.Eventually.TrueAsync(async () =>
        {
            mine = await SessionsAsync(member.Client, Guid.Empty, from, to, "/api/people/me/sessions");
            return mine.Select(s => s.StudioId).Distinct().Count() == 2;
        }, Patience, "both studios' sessions should be listed as mine");

        var feed = await FeedAsync(anonymous, token.FeedUrl);
        Assert.Contains("TZID:Europe/Berlin", feed);
        Assert.Contains("TZID:America/New_York", feed);
        AssertFeedMatches(feed, mine, from, to);

        var rotated = await ReadAsync<CalendarTokenResult>(await member.Client.PostAsync("/api/people/me/calendar-token", null), HttpStatusCode.Created);
        Assert.NotEqual(token.Token, rotated.Token);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(token.FeedUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(rotated.FeedUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await member.Client.DeleteAsync("/api/people/me/calendar-token")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(rotated.FeedUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/studios/{berlin.Id}/calendar.ics")).StatusCode);
    }

    [Fact]
    public async Task The_personal_feed_shows_a_declined_session_as_not_going_and_its_reminders_can_be_turned_off()
    {
        var studio = await fixture.NewStudioAsync(Zone);
        var member = await fixture.JoinAsync(studio);
        var start = Today(Zone).AddDays(2);
        await CreateSeriesAsync(studio, Series($"FREQ=WEEKLY;BYDAY={Weekday(start)}", start));
        var from = DateTimeOffset.UtcNow;
        List<SessionResponse> mine = [];
        await Studios.Testing.Eventually.TrueAsync(async () =>
        {
            mine = await SessionsAsync(member.Client, Guid.Empty, from, from.AddDays(30), "/api/people/me/sessions");
            return mine.Count >= 2;
        }, Patience, "the member's sessions should be listed");
        var declined = mine[1];
        await ReadAsync<JsonElement>(await PutAsync(member.Client, $"/api/sessions/{mine[0].Id}/rsvps/me", new { response = "going" }));
        await ReadAsync<JsonElement>(await PutAsync(member.Client, $"/api/sessions/{declined.Id}/rsvps/me", new { response = "not-going" }));
        var token = await ReadAsync<CalendarTokenResult>(await member.Client.PostAsync("/api/people/me/calendar-token", null), HttpStatusCode.Created);
        var anonymous = fixture.Factory.CreateClient();

        // By default the feed reminds 30 minutes before; the declined session is free time marked as such, without a reminder.
        var feed = await FeedAsync(anonymous, token.FeedUrl);
        var calendar = Ical.Net.Calendar.Load(feed)!;
        var notGoing = calendar.Events.Single(e => e.RecurrenceIdentifier is not null);
        Assert.Equal(declined.StartsAt, Utc(notGoing.DtStart!.AsUtc));
        Assert.Equal($"Not going: {declined.Title}", notGoing.Summary);
        Assert.Equal(Ical.Net.TransparencyType.Transparent, notGoing.Transparency);
        Assert.Empty(notGoing.Alarms);
        Assert.Contains("TRIGGER:-PT30M", feed);
        Assert.Equal(30, (await ReadAsync<CalendarPreferences>(await member.Client.GetAsync("/api/people/me/calendar-preferences"))).ReminderMinutesBefore);

        // Reminders off: the next refresh has none; a negative lead time is refused, naming the field.
        await ReadAsync<CalendarPreferences>(await PutAsync(member.Client, "/api/people/me/calendar-preferences", new { reminderMinutesBefore = (int?)null }));
        var quiet = await FeedAsync(anonymous, token.FeedUrl);
        Assert.DoesNotContain("BEGIN:VALARM", quiet);
        Assert.Contains($"Not going: {declined.Title}", quiet);
        var bad = await PutAsync(member.Client, "/api/people/me/calendar-preferences", new { reminderMinutesBefore = -5 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("reminderMinutesBefore", await bad.Content.ReadAsStringAsync());
    }
}
