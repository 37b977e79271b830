using Studios.Stewardship.Domain.StudioHealth;

namespace Studios.Stewardship.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class HealthRulesTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A studio a year old, 10 members, weekly sessions all held with the given attendance (newest first).</summary>
    private static HealthInputs Studio(params int[] attendedNewestFirst) => new()
    {
        ActiveSince = Now.AddDays(-365),
        ActiveMembers = 10,
        ActiveFacilitators = 1,
        JoinsLast90Days = 2,
        LeavesLast90Days = 0,
        RecentHeldSessions = attendedNewestFirst
            .Select((attended, i) => new HeldSession(Guid.NewGuid(), Now.AddDays(-7 * (i + 1)), attended, 10)).ToList(),
        SessionsHeldLast90Days = 12,
        SessionsDueLast90Days = 12,
        CoreMembers = 6,
        Newcomers = 2,
        NewcomersReturned = 2,
        ReflectionsLast30Days = 4,
        LastSessionHeldAt = Now.AddDays(-7),
    };

    [Fact]
    public void A_studio_meeting_regularly_with_full_attendance_thrives_with_full_marks()
    {
        var assessment = HealthRules.Assess(Studio(10, 10, 10, 10, 10, 10, 10, 10), Now);

        Assert.Equal(HealthState.Thriving, assessment.State);
        Assert.Equal(100, assessment.Score);
        Assert.All(assessment.Components, component => Assert.Equal(component.MaxPoints, component.Points));
        Assert.Equal(["attendance", "cadence", "retention", "core", "newcomers", "reflections", "facilitation"],
            assessment.Components.Select(component => component.Name));
    }

    [Fact]
    public void The_score_is_the_sum_of_its_components_and_their_maximums_make_100()
    {
        var assessment = HealthRules.Assess(Studio(7, 6, 9, 5) with { CoreMembers = 2, ReflectionsLast30Days = 1, LeavesLast90Days = 3 }, Now);

        Assert.Equal(assessment.Components.Sum(component => component.Points), assessment.Score);
        Assert.Equal(100, assessment.Components.Sum(component => component.MaxPoints));
    }

    [Fact]
    public void Attendance_is_attended_over_expected_across_the_sessions()
    {
        var sessions = new[] { new HeldSession(Guid.NewGuid(), Now, 3, 4), new HeldSession(Guid.NewGuid(), Now, 5, 6) };

        Assert.Equal(0.8, HealthRules.AttendanceRate(sessions)!.Value, 3);
        Assert.Null(HealthRules.AttendanceRate([new HeldSession(Guid.NewGuid(), Now, 0, 0)]));
    }

    [Fact]
    public void Attendance_earns_its_share_of_30_points()
    {
        var assessment = HealthRules.Assess(Studio(6, 6, 6, 6), Now);

        var attendance = assessment.Components.Single(component => component.Name == "attendance");
        Assert.Equal(18, attendance.Points);
        Assert.Equal(30, attendance.MaxPoints);
        Assert.Equal("60%", attendance.Measure);
    }

    [Fact]
    public void Dropping_attendance_makes_a_studio_at_risk_even_with_a_good_score()
    {
        var assessment = HealthRules.Assess(Studio(3, 3, 3, 3, 9, 9, 9, 9), Now);

        Assert.Equal(HealthState.AtRisk, assessment.State);
        Assert.True(assessment.Score >= HealthRules.AtRiskScore, $"score {assessment.Score}");
        Assert.Contains(assessment.Reasons, reason => reason.StartsWith("Attendance dropping: 30% in the last 4 held sessions, down from 90%", StringComparison.Ordinal));
    }

    [Fact]
    public void A_small_dip_from_high_attendance_is_not_a_drop()
    {
        var assessment = HealthRules.Assess(Studio(7, 7, 7, 7, 10, 10, 10, 10), Now);

        Assert.NotEqual(HealthState.AtRisk, assessment.State);
        Assert.DoesNotContain(assessment.Reasons, reason => reason.Contains("dropping", StringComparison.Ordinal));
    }

    [Fact]
    public void Attendance_below_half_is_at_risk()
    {
        var assessment = HealthRules.Assess(Studio(4, 4, 4, 4, 4, 4), Now);

        Assert.Equal(HealthState.AtRisk, assessment.State);
        Assert.Contains("Attendance 40% over the last 6 held sessions is below 50%.", assessment.Reasons);
    }

    [Fact]
    public void A_single_poorly_attended_session_does_not_trigger_the_attendance_rule()
    {
        var assessment = HealthRules.Assess(Studio(4), Now);

        Assert.DoesNotContain(assessment.Reasons, reason => reason.StartsWith("Attendance 40%", StringComparison.Ordinal));
    }

    [Fact]
    public void No_active_facilitator_is_at_risk()
    {
        var assessment = HealthRules.Assess(Studio(10, 10, 10, 10) with { ActiveFacilitators = 0 }, Now);

        Assert.Equal(HealthState.AtRisk, assessment.State);
        Assert.Contains("No active facilitator on the roster.", assessment.Reasons);
        Assert.Equal(0, assessment.Components.Single(component => component.Name == "facilitation").Points);
    }

    [Fact]
    public void A_low_score_is_at_risk_and_names_the_weak_components()
    {
        var inputs = Studio(6, 6, 6, 6) with
        {
            SessionsHeldLast90Days = 4, SessionsDueLast90Days = 12, CoreMembers = 0, Newcomers = 4, NewcomersReturned = 0,
            ReflectionsLast30Days = 0, LeavesLast90Days = 6, ActiveMembers = 6,
        };

        var assessment = HealthRules.Assess(inputs, Now);

        Assert.True(assessment.Score < HealthRules.AtRiskScore, $"score {assessment.Score}");
        Assert.Equal(HealthState.AtRisk, assessment.State);
        Assert.Contains($"Score {assessment.Score} is below 50.", assessment.Reasons);
        Assert.Contains(assessment.Reasons, reason => reason.StartsWith("cadence: 4 of 12 sessions", StringComparison.Ordinal));
        Assert.Contains(assessment.Reasons, reason => reason.StartsWith("core: 0 of 6 members", StringComparison.Ordinal));
    }

    [Fact]
    public void Scores_from_50_to_74_are_steady_and_75_up_thrive()
    {
        var steady = HealthRules.Assess(Studio(7, 7, 7, 7) with { CoreMembers = 1, ReflectionsLast30Days = 0, NewcomersReturned = 0 }, Now);
        var thriving = HealthRules.Assess(Studio(9, 9, 9, 9), Now);

        Assert.InRange(steady.Score, 50, 74);
        Assert.Equal(HealthState.Steady, steady.State);
        Assert.InRange(thriving.Score, 75, 100);
        Assert.Equal(HealthState.Thriving, thriving.State);
    }

    [Fact]
    public void No_session_held_in_30_days_is_dormant_whatever_the_score()
    {
        var inputs = Studio(10, 10, 10, 10) with { LastSessionHeldAt = Now.AddDays(-30) };

        var assessment = HealthRules.Assess(inputs, Now);

        Assert.Equal(HealthState.Dormant, assessment.State);
        Assert.Contains("No session held in the last 30 days (the last one was 30 days ago).", assessment.Reasons);
    }

    [Fact]
    public void Dormancy_comes_with_time_alone()
    {
        var inputs = Studio(10, 10, 10, 10) with { LastSessionHeldAt = Now.AddDays(-29) };

        Assert.Equal(HealthState.Thriving, HealthRules.Assess(inputs, Now).State);
        Assert.Equal(HealthState.Dormant, HealthRules.Assess(inputs, Now.AddDays(2)).State);
    }

    [Fact]
    public void A_new_studio_that_has_not_met_yet_is_steady_for_30_days_then_dormant()
    {
        var inputs = new HealthInputs { ActiveSince = Now.AddDays(-10) };

        var young = HealthRules.Assess(inputs, Now);
        var old = HealthRules.Assess(inputs, Now.AddDays(25));

        Assert.Equal(HealthState.Steady, young.State);
        Assert.Equal(["New studio: active for 10 days and no session held yet."], young.Reasons);
        Assert.Equal(HealthState.Dormant, old.State);
        Assert.Contains("No session held since the studio became active 35 days ago.", old.Reasons);
    }

    [Fact]
    public void A_resumed_studio_gets_30_days_to_meet_again()
    {
        var inputs = Studio(10, 10) with { ActiveSince = Now.AddDays(-3), LastSessionHeldAt = Now.AddDays(-80) };

        var assessment = HealthRules.Assess(inputs, Now);

        Assert.Equal(HealthState.Steady, assessment.State);
        Assert.Equal(["Active again for 3 days; the last session was 80 days ago."], assessment.Reasons);
    }

    [Fact]
    public void Without_newcomers_the_newcomer_component_earns_half_points()
    {
        var assessment = HealthRules.Assess(Studio(10, 10) with { Newcomers = 0, NewcomersReturned = 0 }, Now);

        var newcomers = assessment.Components.Single(component => component.Name == "newcomers");
        Assert.Equal(5, newcomers.Points);
        Assert.Equal(10, newcomers.MaxPoints);
    }

    [Fact]
    public void Retention_counts_leaves_against_the_members_there_were()
    {
        var assessment = HealthRules.Assess(Studio(10, 10) with { ActiveMembers = 6, LeavesLast90Days = 4 }, Now);

        var retention = assessment.Components.Single(component => component.Name == "retention");
        Assert.Equal(9, retention.Points); // 60 % kept of 15
        Assert.Equal("2 joined, 4 left", retention.Measure);
    }

    [Fact]
    public void An_empty_roster_earns_no_retention_core_or_facilitation_points()
    {
        var assessment = HealthRules.Assess(Studio(5, 5) with { ActiveMembers = 0, ActiveFacilitators = 0, LeavesLast90Days = 0, CoreMembers = 0 }, Now);

        Assert.All(assessment.Components.Where(c => c.Name is "retention" or "core" or "facilitation"), c => Assert.Equal(0, c.Points));
    }

    [Fact]
    public void Attendance_trend_needs_four_sessions_and_compares_the_newer_half_with_the_older()
    {
        Assert.Null(HealthRules.AttendanceTrend(Studio(1, 9, 9).RecentHeldSessions));
        var trend = HealthRules.AttendanceTrend(Studio(2, 4, 8, 10, 10).RecentHeldSessions);
        Assert.NotNull(trend);
        Assert.Equal(0.3, trend.Value.Recent, 3);
        Assert.Equal(28.0 / 30, trend.Value.Earlier, 3);
    }
}
