using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Studios.Membership.Contracts;
using Studios.Stewardship.Apis.Models;
using Studios.Stewardship.Contracts;
using Studios.Stewardship.Domain.StudioHealth;
using Studios.Stewardship.Telemetry;
using Studios.Testing;
using Studios.Testing.Telemetry;

namespace Studios.Stewardship.Tests.Integration;

/// <summary>Health from a realistic event stream: members, sessions, attendance and reflections from the other services.</summary>
[Trait("Category", "Integration")]
public sealed class StudioHealthTests(StewardshipFixture fixture) : IClassFixture<StewardshipFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly HttpClient _steward = fixture.Factory.ClientFor(Guid.NewGuid(), "Sam Steward", "steward");
    private readonly HttpClient _operator = fixture.Factory.ClientFor(Guid.NewGuid(), "Olu Operator", "operator");

    [Fact]
    public async Task Dropping_attendance_turns_a_thriving_studio_at_risk_and_each_change_is_published()
    {
        var changes = await fixture.Bus.ObserveAsync<StudioHealthChanged>();
        var facilitator = Guid.NewGuid();
        var participants = Enumerable.Range(0, 9).Select(_ => Guid.NewGuid()).ToList();
        var studio = await _steward.ApproveAsync((await _steward.ProposeAsync(facilitator: facilitator)).Id);
        var first = await changes.WaitForAsync(e => e.StudioId == studio.Id);
        Assert.Equal((null, "steady"), (first.PreviousState, first.State));
        Assert.StartsWith("New studio", Assert.Single(first.Reasons));

        var stream = new StudioStream(studio.Id, fixture.Time.GetUtcNow());
        await stream.JoinAsync(fixture.Bus, facilitator, StudioRoles.Facilitator, daysAgo: 60);
        foreach (var participant in participants) await stream.JoinAsync(fixture.Bus, participant, StudioRoles.Participant, daysAgo: 60);
        await WaitForHealthAsync(studio.Id, h => h.Figures.ActiveMembers == 10 && h.Figures.ActiveFacilitators == 1, "the roster of 10");
        foreach (var participant in participants.Take(3)) await stream.ReflectAsync(fixture.Bus, participant, daysAgo: 5);

        // Four well attended sessions, every three days.
        List<Guid> everyone = [facilitator, .. participants];
        for (var session = 1; session <= 4; session++)
        {
            await stream.HoldSessionAsync(fixture.Bus, daysAgo: 27 - 3 * session, present: everyone.Take(9).ToList(), absent: everyone.Skip(9).ToList());
        }
        var thriving = await changes.WaitForAsync(e => e.StudioId == studio.Id && e.State == "thriving", Patience);
        Assert.InRange(thriving.Score, HealthRules.ThrivingScore, 100);
        var healthy = await WaitForHealthAsync(studio.Id,
            h => h.Figures.RecentHeldSessions.Count == 4 && h.Figures.CoreMembers == 9 && h.Figures.ReflectionsLast30Days == 3, "four sessions");
        Assert.Equal(HealthState.Thriving, healthy.State);
        Assert.Equal(healthy.Components.Sum(c => c.Points), healthy.Score);
        Assert.Equal(["attendance", "cadence", "retention", "core", "newcomers", "reflections", "facilitation"], healthy.Components.Select(c => c.Name));
        Assert.Equal(0.9, healthy.AttendanceRate!.Value, 3);
        Assert.Equal(1.0, healthy.CadenceKept!.Value, 3);
        Assert.Equal((9, 9), (healthy.Figures.Newcomers, healthy.Figures.NewcomersReturned));
        Assert.Equal(HealthState.Thriving, healthy.PublishedState);

        // Then people stop coming, and two leave.
        for (var session = 5; session <= 8; session++)
        {
            await stream.HoldSessionAsync(fixture.Bus, daysAgo: 27 - 3 * session, present: everyone.Take(3).ToList(), absent: everyone.Skip(3).ToList());
        }
        await stream.LeaveAsync(fixture.Bus, participants[7], daysAgo: 2);
        await stream.LeaveAsync(fixture.Bus, participants[8], daysAgo: 1);

        var atRisk = await changes.WaitForAsync(e => e.StudioId == studio.Id && e.State == "at-risk"
            && e.Reasons.Any(reason => reason.StartsWith("Attendance dropping", StringComparison.Ordinal)), Patience);
        Assert.NotEqual("at-risk", atRisk.PreviousState);
        var declining = await WaitForHealthAsync(studio.Id,
            h => h.Figures.RecentHeldSessions.Count == 8 && h.Figures.LeavesLast90Days == 2, "eight sessions and two leaves");
        Assert.Equal(HealthState.AtRisk, declining.State);
        Assert.Contains("Attendance dropping: 30% in the last 4 held sessions, down from 90% before.", declining.Reasons);
        Assert.Equal((8, 2, 10), (declining.Figures.ActiveMembers, declining.Figures.LeavesLast90Days, declining.Figures.JoinsLast90Days));
        Assert.Equal(0.6, declining.AttendanceRate!.Value, 3);

        using var metrics = new MetricRecorder(fixture.Factory.Services, StewardshipMetrics.MeterName);
        await Eventually.TrueAsync(() => metrics.Gauge("studios.health", "studio.health=at-risk") >= 1, Patience,
            "the health gauge to count the at-risk studio");

        // The list is read as it is; the counts as the counts refresher last took them (every second here).
        var overview = await (await _operator.GetAsync("/api/network/overview")).ReadAsync<NetworkOverviewResponse>();
        var listed = Assert.Single(overview.AtRisk, s => s.StudioId == studio.Id);
        Assert.Contains(listed.Reasons, reason => reason.StartsWith("Attendance dropping", StringComparison.Ordinal));
        var heldBy = fixture.Time.GetUtcNow();
        overview = await Eventually.MatchAsync(
            async () => await (await _operator.GetAsync("/api/network/overview")).ReadAsync<NetworkOverviewResponse>(),
            o => o.FiguresAt > heldBy, Patience, "the network figures to be counted after the sessions were held");
        Assert.True(overview.HealthByState["at-risk"] >= 1, $"{overview.HealthByState["at-risk"]} studios at risk");
        Assert.True(overview.SessionsHeldLast30Days >= 8, $"{overview.SessionsHeldLast30Days} sessions held in 30 days");
        Assert.True(overview.SessionsHeldLast7Days >= 2, $"{overview.SessionsHeldLast7Days} sessions held in 7 days");
        Assert.True(overview.Memberships >= 8, $"{overview.Memberships} memberships");
        Assert.Equal(overview.AtRisk.OrderBy(s => s.Score).Select(s => s.Score), overview.AtRisk.Select(s => s.Score));
    }

    [Fact]
    public async Task The_same_events_delivered_or_published_twice_change_nothing()
    {
        using var messaging = new MetricRecorder(fixture.Factory.Services, "Studios.Messaging");
        var facilitator = Guid.NewGuid();
        var participants = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        var studio = await _steward.ApproveAsync((await _steward.ProposeAsync(facilitator: facilitator)).Id);
        var stream = new StudioStream(studio.Id, fixture.Time.GetUtcNow());
        await stream.JoinAsync(fixture.Bus, facilitator, StudioRoles.Facilitator, daysAgo: 40);
        foreach (var participant in participants) await stream.JoinAsync(fixture.Bus, participant, StudioRoles.Participant, daysAgo: 40);
        await stream.LeaveAsync(fixture.Bus, participants[3], daysAgo: 3);
        await stream.ReflectAsync(fixture.Bus, participants[0], daysAgo: 1);
        List<Guid> everyone = [facilitator, .. participants];
        await stream.HoldSessionAsync(fixture.Bus, 20, everyone.Take(4).ToList(), everyone.Skip(4).ToList());
        await stream.HoldSessionAsync(fixture.Bus, 13, everyone.Take(3).ToList(), everyone.Skip(3).ToList());
        await stream.HoldSessionAsync(fixture.Bus, 6, everyone.Take(2).ToList(), everyone.Skip(2).ToList());
        await WaitForConsumedAsync(stream.Published.Select(p => p.MessageId).ToList());
        var before = Snapshot(await HealthAsync(studio.Id));
        var publishedBefore = await HealthChangesEnqueuedAsync(studio.Id);
        Assert.Contains("\"ActiveMembers\":4", before);

        // Redelivery: the inbox recognises every message and nothing runs twice.
        var duplicatesBefore = messaging.Sum("inbox.duplicates");
        await stream.RepublishAsync(fixture.Bus, sameIds: true);
        await Eventually.TrueAsync(() => messaging.Sum("inbox.duplicates") - duplicatesBefore == stream.Published.Count,
            Patience, "every redelivered message to be recognised by the inbox");
        Assert.Equal(before, Snapshot(await HealthAsync(studio.Id)));
        Assert.Equal(publishedBefore, await HealthChangesEnqueuedAsync(studio.Id));

        // The same facts under new message ids: the read model's upserts keyed by the events' own ids absorb them.
        var newIds = await stream.RepublishAsync(fixture.Bus, sameIds: false);
        await WaitForConsumedAsync(newIds);
        Assert.Equal(before, Snapshot(await HealthAsync(studio.Id)));
        Assert.Equal(publishedBefore, await HealthChangesEnqueuedAsync(studio.Id));
    }

    [Fact]
    public async Task Events_that_arrive_before_approval_or_out_of_order_still_count()
    {
        var facilitator = Guid.NewGuid();
        var leaver = Guid.NewGuid();
        var proposed = await _steward.ProposeAsync(facilitator: facilitator);
        var now = fixture.Time.GetUtcNow();

        // The roster opened early, and a leave overtook its join.
        await fixture.Bus.PublishAsync(new MemberJoinedStudio(proposed.Id, facilitator, StudioRoles.Facilitator, "founding", now.AddDays(-2)));
        await fixture.Bus.PublishAsync(new MemberLeftStudio(proposed.Id, leaver, StudioRoles.Participant, "left", now.AddHours(-1)));
        await fixture.Bus.PublishAsync(new MemberJoinedStudio(proposed.Id, leaver, StudioRoles.Participant, "open", now.AddDays(-1)));
        await WaitForHealthAsync(proposed.Id, h => h.Figures.JoinsLast90Days == 2 && h.Figures.LeavesLast90Days == 1, "the roster events");

        await _steward.ApproveAsync(proposed.Id);

        var health = await HealthAsync(proposed.Id);
        Assert.Equal((1, 1), (health.Figures.ActiveMembers, health.Figures.ActiveFacilitators));
        Assert.Equal(HealthState.Steady, health.PublishedState);
    }

    [Fact]
    public async Task A_studio_with_no_session_for_30_days_turns_dormant_with_time_alone()
    {
        var changes = await fixture.Bus.ObserveAsync<StudioHealthChanged>();
        var facilitator = Guid.NewGuid();
        var studio = await _steward.ApproveAsync((await _steward.ProposeAsync(facilitator: facilitator)).Id);
        var stream = new StudioStream(studio.Id, fixture.Time.GetUtcNow());
        await stream.JoinAsync(fixture.Bus, facilitator, StudioRoles.Facilitator, daysAgo: 10);
        await stream.HoldSessionAsync(fixture.Bus, 2, [facilitator], []);
        await WaitForHealthAsync(studio.Id, h => h.Figures.RecentHeldSessions.Count == 1 && h.PublishedState != HealthState.Dormant, "the session");
        Assert.DoesNotContain(changes.Messages, e => e.StudioId == studio.Id && e.State == "dormant");

        fixture.Time.Offset += TimeSpan.FromDays(31);

        var dormant = await changes.WaitForAsync(e => e.StudioId == studio.Id && e.State == "dormant", Patience);
        Assert.Contains("No session held in the last 30 days (the last one was 33 days ago).", dormant.Reasons);
        Assert.Equal(HealthState.Dormant, (await HealthAsync(studio.Id)).PublishedState);
    }

    [Fact]
    public async Task A_studio_health_is_for_stewards_operators_and_its_facilitators()
    {
        var facilitator = Guid.NewGuid();
        var studio = await _steward.ApproveAsync((await _steward.ProposeAsync(facilitator: facilitator)).Id);
        var uri = $"/api/studios/{studio.Id}/health";

        Assert.Equal(HttpStatusCode.OK, (await fixture.Factory.ClientFor(facilitator, "Fay", "facilitator").GetAsync(uri)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _operator.GetAsync(uri)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Factory.ClientFor(Guid.NewGuid(), "Pat", "participant").GetAsync(uri)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Factory.ClientFor(Guid.NewGuid(), "Flo", "facilitator").GetAsync(uri)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Factory.CreateClient().GetAsync(uri)).StatusCode);
        await (await _steward.GetAsync($"/api/studios/{Guid.NewGuid()}/health")).ProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<StudioHealthResponse> HealthAsync(Guid studioId) =>
        await (await _steward.GetAsync($"/api/studios/{studioId}/health")).ReadAsync<StudioHealthResponse>();

    private async Task<StudioHealthResponse> WaitForHealthAsync(Guid studioId, Func<StudioHealthResponse, bool> condition, string what)
    {
        StudioHealthResponse? health = null;
        await Eventually.TrueAsync(async () => condition(health = await HealthAsync(studioId)), Patience, $"the health read model to show {what}");
        return health!;
    }

    /// <summary>Everything the health endpoint says except when it said it.</summary>
    private static string Snapshot(StudioHealthResponse health) =>
        JsonSerializer.Serialize(new { health.State, health.Score, health.Components, health.Reasons, health.Figures, health.PublishedState, health.PublishedSince });

    /// <summary>Waits until every consumer that receives these messages has committed them (each leaves its inbox row).</summary>
    private async Task WaitForConsumedAsync(IReadOnlyList<Guid> messageIds)
    {
        await using var connection = new NpgsqlConnection(fixture.Factory.DatabaseConnectionString);
        await connection.OpenAsync();
        await Eventually.TrueAsync(async () =>
        {
            await using var command = new NpgsqlCommand("SELECT count(DISTINCT message_id) FROM inbox WHERE message_id = ANY(@ids)", connection);
            command.Parameters.AddWithValue("ids", messageIds.ToArray());
            return (long)(await command.ExecuteScalarAsync())! == messageIds.Count;
        }, Patience, "every message to be consumed");
    }

    /// <summary>How many StudioHealthChanged the service ever enqueued for the studio (sent rows stay in the outbox for a day).</summary>
    private async Task<long> HealthChangesEnqueuedAsync(Guid studioId)
    {
        await using var connection = new NpgsqlConnection(fixture.Factory.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM outbox WHERE message_type LIKE '%.StudioHealthChanged,%' AND body->>'studioId' = @id", connection);
        command.Parameters.AddWithValue("id", studioId.ToString());
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
