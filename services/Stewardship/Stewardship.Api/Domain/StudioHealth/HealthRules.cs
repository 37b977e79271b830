using System.Globalization;

namespace Studios.Stewardship.Domain.StudioHealth;

/// <summary>
/// Scores a studio out of 100 from seven components and gives it a state:
/// dormant when no session was held in 30 days (unless it was approved or resumed less than 30 days ago: then steady);
/// at-risk when the score is below 50, attendance is below 50 %, attendance is dropping, or no facilitator is active;
/// thriving at 75 or more; steady otherwise.
/// </summary>
public static class HealthRules
{
    public const int WindowDays = 90;
    public const int ReflectionWindowDays = 30;
    public const int DormantAfterDays = 30;
    public const int RecentSessionCount = 8;
    public const int CoreAttendances = 3;
    public const int ThrivingScore = 75;
    public const int AtRiskScore = 50;
    public const double LowAttendance = 0.5;

    /// <summary>A recent half this much below the earlier half, and under <see cref="DroppedAttendance"/>, is a drop.</summary>
    public const double AttendanceDrop = 0.25;
    public const double DroppedAttendance = 0.6;

    /// <summary>A session counts as due only once this long has passed since it started, so Scheduling can report it held.</summary>
    public static readonly TimeSpan CadenceGrace = TimeSpan.FromDays(1);

    public const int AttendancePoints = 30;
    public const int CadencePoints = 20;
    public const int RetentionPoints = 15;
    public const int CorePoints = 15;
    public const int NewcomerPoints = 10;
    public const int ReflectionPoints = 5;
    public const int FacilitationPoints = 5;

    /// <summary>Core members making up this share of the studio earn the full core points.</summary>
    public const double FullCoreShare = 0.4;

    /// <summary>Reflections in 30 days from this share of the members earn the full reflection points.</summary>
    public const double FullReflectionShare = 0.25;

    private static readonly CultureInfo Text = CultureInfo.InvariantCulture;

    public static HealthAssessment Assess(HealthInputs inputs, DateTimeOffset now)
    {
        var attendance = AttendanceRate(inputs.RecentHeldSessions);
        var cadence = inputs.SessionsDueLast90Days == 0
            ? (double?)null
            : Math.Min(1, (double)inputs.SessionsHeldLast90Days / inputs.SessionsDueLast90Days);

        List<HealthComponent> components =
        [
            Attendance(inputs, attendance),
            Cadence(inputs, cadence),
            Retention(inputs),
            Core(inputs),
            Newcomers(inputs),
            Reflections(inputs),
            Facilitation(inputs),
        ];
        var score = components.Sum(component => component.Points);
        var (state, reasons) = Classify(inputs, now, score, attendance);
        var inGracePeriod = state == HealthState.Steady && inputs.ActiveSince > now.AddDays(-DormantAfterDays)
            && (inputs.LastSessionHeldAt is null || inputs.LastSessionHeldAt <= now.AddDays(-DormantAfterDays));
        if (state != HealthState.Thriving && !inGracePeriod)
        {
            reasons.AddRange(components.Where(component => component.IsWeak)
                .Select(component => $"{component.Name}: {component.Explanation}"));
        }
        return new HealthAssessment(state, score, components, reasons.Distinct().ToList(), attendance, cadence);
    }

    /// <summary>Attended out of expected over the given sessions; null when none expected anyone.</summary>
    public static double? AttendanceRate(IReadOnlyCollection<HeldSession> sessions)
    {
        var expected = sessions.Sum(session => session.Expected);
        return expected == 0 ? null : (double)sessions.Sum(session => session.Attended) / expected;
    }

    /// <summary>The newer half's rate and the older half's, when there are at least four sessions to compare.</summary>
    public static (double Recent, double Earlier)? AttendanceTrend(IReadOnlyList<HeldSession> newestFirst)
    {
        if (newestFirst.Count < 4) return null;
        var half = newestFirst.Count / 2;
        var recent = AttendanceRate(newestFirst.Take(half).ToList());
        var earlier = AttendanceRate(newestFirst.Skip(half).ToList());
        return recent is null || earlier is null ? null : (recent.Value, earlier.Value);
    }

    private static (HealthState, List<string>) Classify(HealthInputs inputs, DateTimeOffset now, int score, double? attendance)
    {
        var dormantSince = now.AddDays(-DormantAfterDays);
        if (inputs.LastSessionHeldAt is null || inputs.LastSessionHeldAt <= dormantSince)
        {
            // A new or resumed studio gets the same 30 days to meet before it counts as dormant.
            if (inputs.ActiveSince > dormantSince)
            {
                return (HealthState.Steady, [inputs.LastSessionHeldAt is { } before
                    ? $"Active again for {Days(now - inputs.ActiveSince)} days; the last session was {Days(now - before)} days ago."
                    : $"New studio: active for {Days(now - inputs.ActiveSince)} days and no session held yet."]);
            }
            return (HealthState.Dormant, [inputs.LastSessionHeldAt is { } last
                ? $"No session held in the last {DormantAfterDays} days (the last one was {Days(now - last)} days ago)."
                : $"No session held since the studio became active {Days(now - inputs.ActiveSince)} days ago."]);
        }

        var risks = new List<string>();
        if (score < AtRiskScore)
        {
            risks.Add($"Score {score} is below {AtRiskScore}.");
        }
        if (attendance < LowAttendance && inputs.RecentHeldSessions.Count >= 2)
        {
            risks.Add($"Attendance {Percent(attendance.Value)} over the last {inputs.RecentHeldSessions.Count} held sessions is below {Percent(LowAttendance)}.");
        }
        if (AttendanceTrend(inputs.RecentHeldSessions) is var (recent, earlier)
            && earlier - recent >= AttendanceDrop && recent < DroppedAttendance)
        {
            var half = inputs.RecentHeldSessions.Count / 2;
            risks.Add($"Attendance dropping: {Percent(recent)} in the last {half} held sessions, down from {Percent(earlier)} before.");
        }
        if (inputs.ActiveFacilitators == 0)
        {
            risks.Add("No active facilitator on the roster.");
        }
        if (risks.Count > 0)
        {
            return (HealthState.AtRisk, risks);
        }
        return score >= ThrivingScore
            ? (HealthState.Thriving, [$"Score {score} is {ThrivingScore} or more."])
            : (HealthState.Steady, [$"Score {score} is between {AtRiskScore} and {ThrivingScore - 1}."]);
    }

    private static HealthComponent Attendance(HealthInputs inputs, double? rate)
    {
        var sessions = inputs.RecentHeldSessions;
        return rate is null
            ? new("attendance", 0, AttendancePoints, "n/a", "No held session with expected attendance yet.")
            : new("attendance", Points(AttendancePoints, rate.Value), AttendancePoints, Percent(rate.Value),
                $"{sessions.Sum(s => s.Attended)} of {sessions.Sum(s => s.Expected)} expected attendances over the last {sessions.Count} held sessions.");
    }

    private static HealthComponent Cadence(HealthInputs inputs, double? kept) => kept is null
        ? new("cadence", 0, CadencePoints, "n/a", $"No session was due in the last {WindowDays} days.")
        : new("cadence", Points(CadencePoints, kept.Value), CadencePoints, Percent(kept.Value),
            $"{inputs.SessionsHeldLast90Days} of {inputs.SessionsDueLast90Days} sessions due in the last {WindowDays} days were held.");

    private static HealthComponent Retention(HealthInputs inputs)
    {
        var measure = $"{inputs.JoinsLast90Days} joined, {inputs.LeavesLast90Days} left";
        var counted = inputs.ActiveMembers + inputs.LeavesLast90Days;
        if (counted == 0)
        {
            return new("retention", 0, RetentionPoints, measure, "No members on the roster.");
        }
        var kept = 1 - (double)inputs.LeavesLast90Days / counted;
        return new("retention", Points(RetentionPoints, kept), RetentionPoints, measure,
            $"{inputs.ActiveMembers} active members; {inputs.LeavesLast90Days} left and {inputs.JoinsLast90Days} joined in the last {WindowDays} days ({Percent(kept)} kept).");
    }

    private static HealthComponent Core(HealthInputs inputs)
    {
        var measure = $"{inputs.CoreMembers} core";
        if (inputs.ActiveMembers == 0)
        {
            return new("core", 0, CorePoints, measure, "No members on the roster.");
        }
        var share = (double)inputs.CoreMembers / inputs.ActiveMembers;
        return new("core", Points(CorePoints, share / FullCoreShare), CorePoints, measure,
            $"{inputs.CoreMembers} of {inputs.ActiveMembers} members came to {CoreAttendances} or more sessions in the last {WindowDays} days ({Percent(FullCoreShare)} earns full points).");
    }

    private static HealthComponent Newcomers(HealthInputs inputs)
    {
        var measure = $"{inputs.NewcomersReturned} of {inputs.Newcomers} returned";
        if (inputs.Newcomers == 0)
        {
            return new("newcomers", NewcomerPoints / 2, NewcomerPoints, measure, $"No newcomers in the last {WindowDays} days (half points).");
        }
        var returned = (double)inputs.NewcomersReturned / inputs.Newcomers;
        return new("newcomers", Points(NewcomerPoints, returned), NewcomerPoints, measure,
            $"{inputs.NewcomersReturned} of {inputs.Newcomers} newcomers of the last {WindowDays} days came back for a second session.");
    }

    private static HealthComponent Reflections(HealthInputs inputs)
    {
        var target = Math.Max(1, (int)Math.Ceiling(inputs.ActiveMembers * FullReflectionShare));
        return new("reflections", Points(ReflectionPoints, (double)inputs.ReflectionsLast30Days / target), ReflectionPoints,
            $"{inputs.ReflectionsLast30Days} shared",
            $"{inputs.ReflectionsLast30Days} reflections shared in the last {ReflectionWindowDays} days ({target} earn full points).");
    }

    private static HealthComponent Facilitation(HealthInputs inputs) => inputs.ActiveFacilitators > 0
        ? new("facilitation", FacilitationPoints, FacilitationPoints, $"{inputs.ActiveFacilitators} active",
            $"{inputs.ActiveFacilitators} facilitator(s) on the roster.")
        : new("facilitation", 0, FacilitationPoints, "0 active", "No facilitator on the roster.");

    private static int Points(int max, double fraction) =>
        (int)Math.Round(max * Math.Clamp(fraction, 0, 1), MidpointRounding.AwayFromZero);

    private static string Percent(double fraction) => fraction.ToString("P0", Text).Replace(" ", "", StringComparison.Ordinal);

    private static int Days(TimeSpan span) => Math.Max(0, (int)span.TotalDays);
}
