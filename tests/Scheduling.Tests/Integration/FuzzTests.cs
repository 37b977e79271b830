using System.Text.Json.Nodes;
using Studios.Scheduling.Apis.Models;
using Studios.Testing.Fuzz;
using Xunit.Abstractions;
using static Studios.Scheduling.Tests.Integration.Api;
using static Studios.Scheduling.Tests.Integration.SchedulingFixture;

namespace Studios.Scheduling.Tests.Integration;

/// <summary>Every operation of Scheduling's OpenAPI document gets bad input from the shared fuzzer, as the facilitator
/// of a studio with a series, a future and a past session and a calendar token; a second series and its session are
/// the witnesses that must not change.</summary>
[Collection(SchedulingCollection.Name)]
[Trait("Category", "Integration")]
public sealed class FuzzTests(SchedulingFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Bad_input_to_every_operation_is_a_400_naming_the_field_and_changes_nothing_else()
    {
        var studio = await fixture.NewStudioAsync("Europe/Berlin");
        var start = Today(studio.TimeZone).AddDays(3);
        var target = await CreateSeriesAsync(studio, Series($"FREQ=WEEKLY;BYDAY={Weekday(start)}", start));
        var witness = await CreateSeriesAsync(studio, Series($"FREQ=WEEKLY;BYDAY={Weekday(start)}", start, startTime: "08:00:00", title: "Morning"));
        var sessions = await SessionsAsync(studio.Facilitator, studio.Id, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(20));
        var future = sessions.First(s => s.SeriesId == target.Id);
        var witnessSession = sessions.First(s => s.SeriesId == witness.Id);
        var past = await RsvpTests.PastSessionAsync(fixture, studio);
        var token = (await ReadAsync<CalendarTokenResult>(await studio.Facilitator.PostAsync("/api/people/me/calendar-token", null), System.Net.HttpStatusCode.Created)).Token;

        var report = await ApiFuzzer.RunAsync(new FuzzTarget
        {
            Client = studio.Facilitator,
            PathValue = (operation, name) => name switch
            {
                "studioId" => studio.Id.ToString(),
                "token" => token,
                _ when operation.Path.StartsWith("/api/series/", StringComparison.Ordinal) => target.Id.ToString(),
                _ when operation.Path.EndsWith("/attendance", StringComparison.Ordinal) => past.Id.ToString(),
                _ => future.Id.ToString(),
            },
            BodyValues = new Dictionary<string, JsonNode?>
            {
                ["rule"] = $"FREQ=WEEKLY;BYDAY={Weekday(start)}",
                ["startDate"] = start.ToString("yyyy-MM-dd"),
                ["timeZone"] = studio.TimeZone,
                ["personId"] = studio.FacilitatorId.ToString(),
                ["facilitatorId"] = studio.FacilitatorId.ToString(),
                ["durationMinutes"] = 60,
                ["count"] = 5,
                ["until"] = null,
                ["exceptionDates"] = new JsonArray(),
                ["startsAt"] = DateTimeOffset.UtcNow.AddDays(5).ToString("O"),
            },
            Witnesses = [$"/api/series/{witness.Id}", $"/api/sessions/{witnessSession.Id}"],
        });

        output.WriteLine(report.Summary);
        Assert.True(report.Findings.Count == 0, report.Summary);
    }
}
