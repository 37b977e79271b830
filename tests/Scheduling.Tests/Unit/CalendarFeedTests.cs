using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Studios.Scheduling.Domain;

namespace Studios.Scheduling.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class CalendarFeedTests
{
    private static readonly SeriesSchedule Berlin = new("FREQ=WEEKLY;BYDAY=TU", "Europe/Berlin", new DateOnly(2027, 3, 2),
        new TimeOnly(19, 0), 90, [new DateOnly(2027, 3, 23)]);

    private static readonly DateTimeOffset Stamp = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_series_with_a_moved_and_a_cancelled_session_parses_back_to_the_same_occurrences()
    {
        var seriesId = Guid.NewGuid();
        var slots = Berlin.Between(Stamp, Stamp.AddDays(120));
        var moved = new FeedSession(Guid.NewGuid(), seriesId, slots[1].StartsAt, slots[1].StartsAt.AddHours(1), slots[1].EndsAt.AddHours(1),
            "Moved", null, null, false, null, 1, Stamp);
        var cancelled = new FeedSession(Guid.NewGuid(), seriesId, slots[3].StartsAt, slots[3].StartsAt, slots[3].EndsAt,
            "Practice", null, null, true, "Ill", 1, Stamp);

        var text = CalendarFeed.Write("Test", [new FeedSeries(seriesId, "Practice", Berlin, "Hall", "https://meet.example/x", 2, Stamp)],
            [moved, cancelled]);

        Assert.Contains("BEGIN:VTIMEZONE", text);
        Assert.Contains("TZID:Europe/Berlin", text);
        Assert.Contains("RRULE:FREQ=WEEKLY;BYDAY=TU", text);
        Assert.Contains("EXDATE;TZID=Europe/Berlin:20270323T190000", text);
        Assert.Contains("STATUS:CANCELLED", text);
        Assert.Contains("SEQUENCE:3", text);
        var calendar = Calendar.Load(text)!;
        Assert.All(calendar.Events, e => Assert.Equal(CalendarFeed.SeriesUid(seriesId), e.Uid));

        var occurrences = calendar.GetOccurrences<CalendarEvent>(new CalDateTime(Stamp.UtcDateTime, "UTC"))
            .TakeWhileBefore(new CalDateTime(Stamp.AddDays(120).UtcDateTime, "UTC"))
            .Where(o => ((CalendarEvent)o.Source).Status != EventStatus.Cancelled)
            .Select(o => new DateTimeOffset(o.Period.StartTime.AsUtc, TimeSpan.Zero))
            .ToList();
        var expected = slots.Select(s => s.StartsAt).Where(s => s != slots[3].StartsAt).Select(s => s == slots[1].StartsAt ? moved.StartsAt : s);
        Assert.Equal(expected, occurrences);
        Assert.Equal(text, CalendarFeed.Write("Test", [new FeedSeries(seriesId, "Practice", Berlin, "Hall", "https://meet.example/x", 2, Stamp)],
            [moved, cancelled])); // stable output
    }

    [Fact]
    public void A_personal_feed_marks_a_declined_session_free_and_not_going_and_reminds_only_when_asked()
    {
        var seriesId = Guid.NewGuid();
        var slots = Berlin.Between(Stamp, Stamp.AddDays(120));
        var declined = new FeedSession(Guid.NewGuid(), seriesId, slots[2].StartsAt, slots[2].StartsAt, slots[2].EndsAt,
            "Practice", "Hall", null, false, null, 0, Stamp);
        FeedSeries[] series = [new FeedSeries(seriesId, "Practice", Berlin, "Hall", null, 0, Stamp)];

        var text = CalendarFeed.Write("Mine", series, [], new PersonalFeed([declined], ReminderMinutes: 30));

        var calendar = Calendar.Load(text)!;
        var master = calendar.Events.Single(e => e.RecurrenceIdentifier is null);
        var notGoing = calendar.Events.Single(e => e.RecurrenceIdentifier is not null);
        Assert.Equal(CalendarFeed.SeriesUid(seriesId), notGoing.Uid);
        Assert.Equal("Not going: Practice", notGoing.Summary);
        Assert.Equal(TransparencyType.Transparent, notGoing.Transparency);
        Assert.Empty(notGoing.Alarms);
        var alarm = Assert.Single(master.Alarms);
        Assert.Equal(AlarmAction.Display, alarm.Action);
        Assert.Contains("TRIGGER:-PT30M", text);

        var quiet = CalendarFeed.Write("Mine", series, [], new PersonalFeed([declined], ReminderMinutes: null));
        Assert.DoesNotContain("BEGIN:VALARM", quiet);
        Assert.Contains("Not going: Practice", quiet);
        Assert.DoesNotContain("BEGIN:VALARM", CalendarFeed.Write("Studio", series, []));
    }
}
