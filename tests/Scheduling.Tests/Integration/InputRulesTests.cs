using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;
using Studios.Scheduling.Apis.Models;
using Studios.ServiceDefaults.Http;
using static Studios.Scheduling.Tests.Integration.Api;
using static Studios.Scheduling.Tests.Integration.SchedulingFixture;

namespace Studios.Scheduling.Tests.Integration;

/// <summary>The input rules of ServiceDefaults as Scheduling's clients meet them: enums by name only, dates within
/// 1900–2200, text without control characters, and calendar feeds that never carry one.</summary>
[Collection(SchedulingCollection.Name)]
[Trait("Category", "Integration")]
public sealed class InputRulesTests(SchedulingFixture fixture)
{
    private static async Task<Dictionary<string, string[]>> FieldErrorsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    [Theory]
    [InlineData("4")]
    [InlineData("123")]
    [InlineData("-1")]
    [InlineData("\"4\"")]
    public async Task An_attendance_status_given_as_a_number_is_a_400_naming_the_entry(string status)
    {
        var studio = await fixture.NewStudioAsync(DaytimeZone());
        var session = await RsvpTests.PastSessionAsync(fixture, studio);

        var response = await studio.Facilitator.PutAsync($"/api/sessions/{session.Id}/attendance", new StringContent(
            $$"""{"entries":[{"personId":"{{studio.FacilitatorId}}","status":{{status}}}]}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains("entries[0].status", (await FieldErrorsAsync(response)).Keys);
        Assert.Empty((await ReadAsync<AttendanceResult>(await studio.Facilitator.GetAsync($"/api/sessions/{session.Id}/attendance"))).Entries);
    }

    [Fact]
    public async Task An_rsvp_given_as_a_number_is_refused_not_stored_and_echoed()
    {
        var studio = await fixture.NewStudioAsync(DaytimeZone());
        var member = await fixture.JoinAsync(studio);
        var start = Today(studio.TimeZone).AddDays(3);
        await CreateSeriesAsync(studio, Series($"FREQ=WEEKLY;BYDAY={Weekday(start)}", start));
        var session = (await SessionsAsync(member.Client, studio.Id, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(10)))[0];

        var response = await member.Client.PutAsync($"/api/sessions/{session.Id}/rsvps/me",
            new StringContent("""{"response":7}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains("response", (await FieldErrorsAsync(response)).Keys);
        var rsvps = await member.Client.GetStringAsync($"/api/sessions/{session.Id}/rsvps");
        Assert.DoesNotContain(member.Id.ToString(), rsvps);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("2201-01-01T00:00:00Z")]
    public async Task A_session_list_from_a_date_outside_1900_to_2200_is_a_400_naming_from(string from)
    {
        var studio = await fixture.NewStudioAsync(DaytimeZone());

        foreach (var url in new[] { $"/api/people/me/sessions?from={from}", $"/api/studios/{studio.Id}/sessions?from={from}" })
        {
            var errors = await FieldErrorsAsync(await studio.Facilitator.GetAsync(url));
            Assert.Equal(["from"], errors.Keys);
            Assert.Contains("between 1900-01-01 and 2200-12-31", errors["from"][0]);
        }
    }

    [Theory]
    [InlineData("title", "Evening\0practice")]
    [InlineData("title", "Ring\u0007 \u001b[2Jclear")]
    [InlineData("location", "Hall\0B")]
    [InlineData("location", "Hall\u001bB")]
    public async Task Control_characters_in_series_text_are_a_400_naming_the_field(string field, string value)
    {
        var studio = await fixture.NewStudioAsync(DaytimeZone());
        var start = Today(studio.TimeZone).AddDays(3);
        var body = JsonSerializer.SerializeToNode(Series($"FREQ=WEEKLY;BYDAY={Weekday(start)}", start), Json)!.AsObject();
        body[field] = value;

        var response = await studio.Facilitator.PostAsJsonAsync($"/api/studios/{studio.Id}/series", body);

        Assert.Equal([field], (await FieldErrorsAsync(response)).Keys);
        Assert.Empty((await ReadAsync<Page<SeriesResponse>>(await studio.Facilitator.GetAsync($"/api/studios/{studio.Id}/series"))).Items);
    }

    [Fact]
    public async Task Calendar_feeds_carry_no_control_characters_even_for_text_stored_before_the_rules()
    {
        var studio = await fixture.NewStudioAsync(DaytimeZone());
        var start = Today(studio.TimeZone).AddDays(3);
        var series = await CreateSeriesAsync(studio, Series($"FREQ=WEEKLY;BYDAY={Weekday(start)}", start));
        await using (var connection = new NpgsqlConnection(fixture.Factory.DatabaseConnectionString))
        {
            await connection.ExecuteAsync("UPDATE series SET title = @Title, location = @Location WHERE id = @Id",
                new { Title = "Ring\u0007 the\u001b[2J bell", Location = "Hall\u0001B", series.Id });
            await connection.ExecuteAsync("UPDATE sessions SET title = @Title, location = @Location WHERE series_id = @Id",
                new { Title = "Ring\u0007 the\u001b[2J bell", Location = "Hall\u0001B", series.Id });
        }

        var feed = await FeedAsync(studio.Facilitator, $"/api/studios/{studio.Id}/calendar.ics");

        Assert.Contains("SUMMARY:Ring the[2J bell", feed);
        Assert.Contains("LOCATION:HallB", feed);
        Assert.DoesNotContain(feed, c => char.IsControl(c) && c is not '\r' and not '\n');
    }
}
