using Studios.Notifications.Domain;

namespace Studios.Notifications.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class NotificationPreferencesTests
{
    [Fact]
    public void By_default_every_kind_is_on_with_reminders_a_day_and_an_hour_before()
    {
        Assert.All(NotificationKinds.All, kind => Assert.True(NotificationPreferences.Default.Allows(kind)));
        Assert.Equal([1440, 60], NotificationPreferences.Default.ReminderMinutes);
    }

    [Fact]
    public void Kinds_not_named_stay_on_and_offsets_are_kept_longest_first()
    {
        var preferences = NotificationPreferences.From(new Dictionary<string, bool> { ["session-reminder"] = true, ["studio-paused"] = false }, [15, 180]);

        Assert.False(preferences.Allows("studio-paused"));
        Assert.True(preferences.Allows("session-reminder"));
        Assert.True(preferences.Allows("invitation"));
        Assert.Equal([180, 15], preferences.ReminderMinutes);
        Assert.False(preferences.Without("invitation").Allows("invitation"));
        Assert.True(preferences.Allows("invitation"));
    }

    [Theory]
    [InlineData(new[] { 60 }, 0)]
    [InlineData(new int[0], 0)]
    [InlineData(new[] { 4 }, 1)]
    [InlineData(new[] { 14 * 24 * 60 + 1 }, 1)]
    [InlineData(new[] { 60, 60 }, 1)]
    [InlineData(new[] { 10, 20, 30, 40, 50, 60 }, 1)]
    [InlineData(new[] { 1, 1 }, 2)]
    public void Reminder_offsets_are_between_5_minutes_and_14_days_distinct_and_at_most_5(int[] minutes, int reasons)
    {
        var errors = NotificationPreferences.Validate(null, minutes).ToDictionary();
        Assert.Equal(reasons, errors.TryGetValue("reminderMinutesBefore", out var found) ? found.Length : 0);
    }

    [Fact]
    public void An_unknown_kind_is_named_in_the_error()
    {
        var errors = NotificationPreferences.Validate(new Dictionary<string, bool> { ["smoke-signals"] = true }, null).ToDictionary();
        Assert.Equal(["enabled.smoke-signals"], errors.Keys);
    }
}
