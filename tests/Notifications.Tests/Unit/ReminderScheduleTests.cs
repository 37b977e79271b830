using Studios.Notifications.Domain;

namespace Studios.Notifications.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class ReminderScheduleTests
{
    // Sunday 29 March 2026, 10:00 in Berlin: the first morning of summer time (02:00 became 03:00 that night).
    private static readonly DateTimeOffset SpringSession = new(2026, 3, 29, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_reminder_is_a_fixed_time_before_the_session_even_across_a_clock_change()
    {
        var due = ReminderSchedule.For(SpringSession, [1440, 60], SpringSession.AddDays(-3));

        Assert.Equal([(1440, SpringSession.AddHours(-24)), (60, SpringSession.AddHours(-1))], due);
        // 24 hours before 10:00 summer time is 09:00 winter time on the Saturday.
        Assert.Equal("Saturday, 28 March 2026, 09:00 (Europe/Berlin)", LocalTimes.Format(due[0].DueAt, "Europe/Berlin", "en-GB"));
    }

    [Fact]
    public void Reminders_already_past_are_left_out()
    {
        var due = ReminderSchedule.For(SpringSession, [1440, 60, 60], SpringSession.AddHours(-2));
        Assert.Equal([(60, SpringSession.AddHours(-1))], due);
        Assert.Empty(ReminderSchedule.For(SpringSession, [60], SpringSession.AddHours(-1)));
    }
}
