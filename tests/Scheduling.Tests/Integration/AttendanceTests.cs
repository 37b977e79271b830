using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Studios.PracticeContent.Contracts;
using Studios.Scheduling.Apis.Models;
using Studios.Scheduling.Contracts;
using Studios.Scheduling.Domain;
using Studios.Testing;
using Studios.Testing.Telemetry;
using static Studios.Scheduling.Tests.Integration.Api;
using static Studios.Scheduling.Tests.Integration.SchedulingFixture;

namespace Studios.Scheduling.Tests.Integration;

/// <summary>Attendance recorded after the start, corrected without double counting, with the attached plan's practices.</summary>
[Collection(SchedulingCollection.Name)]
[Trait("Category", "Integration")]
public sealed class AttendanceTests(SchedulingFixture fixture)
{
    [Fact]
    public async Task Recording_twice_corrects_the_counts_and_publishes_only_what_changed()
    {
        var held = await fixture.Bus.ObserveAsync<SessionHeld>();
        var recorded = await fixture.Bus.ObserveAsync<AttendanceRecorded>();
        using var metrics = new MetricRecorder(fixture.Factory.Services, "Studios.Scheduling");
        var studio = await fixture.NewStudioAsync(DaytimeZone());
        var ada = await fixture.JoinAsync(studio);
        var bo = await fixture.JoinAsync(studio);
        var cy = await fixture.JoinAsync(studio);

        var planId = Guid.NewGuid();
        var practice = Guid.NewGuid();
        await fixture.Bus.PublishAsync(new SessionPlanPublished(planId, studio.Id, "Listening circle",
            [new PlannedPractice(practice, 3, 20)], 20, DateTimeOffset.UtcNow));
        var session = await RsvpTests.PastSessionAsync(fixture, studio);
        await Eventually.TrueAsync(async () =>
            (await PutAsync(studio.Facilitator, $"/api/sessions/{session.Id}/plan", new { planId })).StatusCode == HttpStatusCode.OK,
            Patience, "the published plan should reach Scheduling and attach");

        var first = await ReadAsync<AttendanceResult>(await PutAsync(studio.Facilitator, $"/api/sessions/{session.Id}/attendance", new
        {
            entries = new[] { new { personId = ada.Id, status = "present" }, new { personId = bo.Id, status = "absent" }, new { personId = cy.Id, status = "late" } },
        }));
        Assert.Equal((1, 1, 0, 1), (first.Present, first.Late, first.Excused, first.Absent));
        var firstHeld = await held.WaitForAsync(h => h.SessionId == session.Id);
        Assert.Equal((1, 1, 0, 1), (firstHeld.Present, firstHeld.Late, firstHeld.Excused, firstHeld.Absent));
        Assert.Equal(planId, firstHeld.SessionPlanId);
        Assert.Equal([new PracticeUsed(practice, 3)], firstHeld.PracticesUsed);

        var corrected = await ReadAsync<AttendanceResult>(await PutAsync(studio.Facilitator, $"/api/sessions/{session.Id}/attendance", new
        {
            entries = new[] { new { personId = bo.Id, status = "excused" }, new { personId = ada.Id, status = "present" } },
        }));
        Assert.Equal((1, 1, 1, 0), (corrected.Present, corrected.Late, corrected.Excused, corrected.Absent));
        await held.WaitForAsync(h => h.SessionId == session.Id && h.Excused == 1);
        var heldForSession = held.Messages.Where(h => h.SessionId == session.Id).ToList();
        Assert.Equal(2, heldForSession.Count);
        Assert.Equal(3, heldForSession[^1].Present + heldForSession[^1].Late + heldForSession[^1].Excused + heldForSession[^1].Absent);

        await recorded.WaitForAsync(r => r.SessionId == session.Id && r.PersonId == bo.Id && r.Status == "excused");
        var perPerson = recorded.Messages.Where(r => r.SessionId == session.Id).GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1, perPerson[ada.Id]); // unchanged on correction: not published again
        Assert.Equal(2, perPerson[bo.Id]);

        Assert.Equal(1, metrics.Sum("sessions.held"));
        Assert.Equal([2.0 / 3.0], metrics.Values("attendance.rate"));
        var detail = await ReadAsync<SessionResponse>(await studio.Facilitator.GetAsync($"/api/sessions/{session.Id}"));
        Assert.True(detail.Held);
    }

    [Fact]
    public async Task Attendance_for_non_members_before_the_start_or_by_participants_is_refused_without_partial_state()
    {
        var studio = await fixture.NewStudioAsync(DaytimeZone());
        var member = await fixture.JoinAsync(studio);
        var session = await RsvpTests.PastSessionAsync(fixture, studio);
        var url = $"/api/sessions/{session.Id}/attendance";

        var stranger = await PutAsync(studio.Facilitator, url, new
        {
            entries = new[] { new { personId = member.Id, status = "present" }, new { personId = Guid.NewGuid(), status = "present" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.Contains("entries[1].personId", await stranger.Content.ReadAsStringAsync());
        Assert.Empty((await ReadAsync<AttendanceResult>(await studio.Facilitator.GetAsync(url))).Entries);

        Assert.Equal(HttpStatusCode.BadRequest, (await PutAsync(studio.Facilitator, url, new { entries = Array.Empty<object>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(member.Client, url, new
        {
            entries = new[] { new { personId = member.Id, status = "present" } },
        })).StatusCode);

        var start = Today(studio.TimeZone).AddDays(3);
        await CreateSeriesAsync(studio, Series($"FREQ=WEEKLY;BYDAY={Weekday(start)}", start));
        var future = (await SessionsAsync(studio.Facilitator, studio.Id, DateTimeOffset.UtcNow.AddDays(1), DateTimeOffset.UtcNow.AddDays(10)))[0];
        var early = await PutAsync(studio.Facilitator, $"/api/sessions/{future.Id}/attendance", new
        {
            entries = new[] { new { personId = member.Id, status = "present" } },
        });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
    }
}
