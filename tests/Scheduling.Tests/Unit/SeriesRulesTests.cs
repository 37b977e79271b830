using Studios.Scheduling.Domain;
using Studios.ServiceDefaults.Http;

namespace Studios.Scheduling.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class SeriesRulesTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(7 * 12);

    private static SeriesSchedule? Schedule(ScheduleInput input, FieldErrors errors, int max = 100) =>
        SeriesRules.Schedule(input, Now, Horizon, max, errors);

    private static ScheduleInput Weekly(string rule = "FREQ=WEEKLY;BYDAY=TU", string zone = "Europe/Berlin", DateOnly? start = null,
        IReadOnlyList<DateOnly>? exceptions = null, DateOnly? until = null, int? count = null, int duration = 90) =>
        new(rule, zone, start ?? new DateOnly(2027, 3, 2), new TimeOnly(19, 0), duration, exceptions, until, count);

    [Fact]
    public void A_weekly_session_keeps_its_local_time_across_the_spring_change_in_Berlin()
    {
        var schedule = Schedule(Weekly(exceptions: [new DateOnly(2027, 3, 23)]), new FieldErrors())!;
        var slots = schedule.Between(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 4, 10, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal([new DateOnly(2027, 3, 2), new DateOnly(2027, 3, 9), new DateOnly(2027, 3, 16), new DateOnly(2027, 3, 30), new DateOnly(2027, 4, 6)],
            slots.Select(s => s.LocalDate));
        Assert.All(slots, s => Assert.Equal("19:00", LocalTime.Format(s.StartsAt, "Europe/Berlin")[11..]));
        Assert.Equal(18, slots[0].StartsAt.UtcDateTime.Hour); // CET, UTC+1
        Assert.Equal(17, slots[3].StartsAt.UtcDateTime.Hour); // CEST, UTC+2 after 28 March
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromMinutes(90), s.EndsAt - s.StartsAt));
    }

    [Fact]
    public void A_monthly_session_in_New_York_follows_the_March_change()
    {
        var schedule = Schedule(Weekly("FREQ=MONTHLY;BYDAY=2TU", "America/New_York", new DateOnly(2027, 1, 12)), new FieldErrors())!;
        var slots = schedule.Between(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 5, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal([new DateOnly(2027, 1, 12), new DateOnly(2027, 2, 9), new DateOnly(2027, 3, 9), new DateOnly(2027, 4, 13)],
            slots.Select(s => s.LocalDate));
        Assert.Equal(0, slots[2].StartsAt.UtcDateTime.Hour); // EST: 19:00-05:00, before the 14 March change
        Assert.Equal(23, slots[3].StartsAt.UtcDateTime.Hour); // EDT: 19:00-04:00
    }

    [Fact]
    public void Start_date_moves_to_the_first_day_the_rule_produces()
    {
        var schedule = Schedule(Weekly(start: new DateOnly(2027, 3, 1)), new FieldErrors())!; // a Monday
        Assert.Equal(new DateOnly(2027, 3, 2), schedule.StartDate);
    }

    [Fact]
    public void A_date_until_includes_that_day_and_is_written_as_UTC()
    {
        var schedule = Schedule(Weekly(until: new DateOnly(2027, 3, 16)), new FieldErrors())!;
        Assert.Contains("UNTIL=20270316T225959Z", schedule.Rule);
        var slots = schedule.Between(Now, Now + Horizon);
        Assert.Equal(new DateOnly(2027, 3, 16), slots[^1].LocalDate);

        var fromRule = Schedule(Weekly("FREQ=WEEKLY;BYDAY=TU;UNTIL=20270316"), new FieldErrors())!;
        Assert.Equal(schedule.Rule, fromRule.Rule);
    }

    [Fact]
    public void Refuses_what_cannot_be_scheduled_naming_each_field()
    {
        var errors = new FieldErrors();
        Assert.Null(Schedule(new ScheduleInput("FREQ=SECONDLY", "Mars/Olympus", new DateOnly(2027, 3, 2), null, 0, null, null, null), errors));
        var fields = errors.ToDictionary();
        Assert.Contains("rule", fields.Keys);
        Assert.Contains("timeZone", fields.Keys);
        Assert.Contains("startTime", fields.Keys);
        Assert.Contains("durationMinutes", fields.Keys);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(24 * 60 + 1)]
    public void Duration_must_be_positive_and_at_most_a_day(int minutes)
    {
        var errors = new FieldErrors();
        Assert.Null(Schedule(Weekly(duration: minutes), errors));
        Assert.Contains("durationMinutes", errors.ToDictionary().Keys);
    }

    [Fact]
    public void An_end_before_the_start_is_refused()
    {
        var errors = new FieldErrors();
        Assert.Null(Schedule(Weekly(until: new DateOnly(2027, 2, 1)), errors));
        Assert.Contains("until", errors.ToDictionary().Keys);

        errors = new FieldErrors();
        Assert.Null(Schedule(Weekly("FREQ=WEEKLY;BYDAY=TU;UNTIL=20270201"), errors));
        Assert.Contains("before startDate", errors.ToDictionary()["rule"][0]);
    }

    [Fact]
    public void A_rule_with_too_many_sessions_in_the_horizon_is_refused()
    {
        var errors = new FieldErrors();
        Assert.Null(Schedule(Weekly("FREQ=DAILY", start: new DateOnly(2027, 1, 11)), errors, max: 50));
        Assert.Contains("more than 50 sessions", errors.ToDictionary()["rule"][0]);
        Assert.NotNull(Schedule(Weekly("FREQ=DAILY", start: new DateOnly(2027, 1, 11)), new FieldErrors(), max: 100)); // 84 days of horizon
    }

    [Fact]
    public void A_rule_that_never_matches_is_refused()
    {
        var errors = new FieldErrors();
        Assert.Null(Schedule(Weekly("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"), errors));
        Assert.Contains("rule", errors.ToDictionary().Keys);
    }

    [Fact]
    public void Cutting_a_series_keeps_what_came_before()
    {
        var schedule = Schedule(Weekly(), new FieldErrors())!;
        var cut = LocalTime.StartOfDay(new DateOnly(2027, 3, 16), "Europe/Berlin");
        var ended = schedule with { Rule = schedule.RuleEndingBefore(cut)! };
        Assert.Equal([new DateOnly(2027, 3, 2), new DateOnly(2027, 3, 9)], ended.Between(Now, Now + Horizon).Select(s => s.LocalDate));

        var counted = Schedule(Weekly(count: 5), new FieldErrors())!;
        Assert.Contains("COUNT=2", counted.RuleEndingBefore(cut));
        Assert.Null(schedule.RuleEndingBefore(LocalTime.StartOfDay(new DateOnly(2027, 3, 2), "Europe/Berlin")));
    }
}
