using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Studios.ServiceDefaults.Input;

namespace Studios.Scheduling.Domain;

/// <summary>Writes RFC 5545 feeds: one VTIMEZONE per zone used, each series as one recurring VEVENT (RRULE, EXDATE)
/// with a stable UID, and every session edited on its own as an instance of that UID with a RECURRENCE-ID. A personal
/// feed also shows the sessions the person is not going to as free time marked "Not going", and carries a reminder
/// (VALARM) unless the person turned reminders off.</summary>
public static class CalendarFeed
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string ProductId = "-//Studios//Scheduling//EN";

    public static string SeriesUid(Guid seriesId) => $"series-{seriesId:N}@studios";

    public static string SessionUid(Guid sessionId) => $"session-{sessionId:N}@studios";

    public static string Write(string name, IReadOnlyList<FeedSeries> series, IReadOnlyList<FeedSession> sessions,
        PersonalFeed? personal = null)
    {
        var declined = personal?.Declined.Select(session => session.Id).ToHashSet() ?? [];
        // A declined session needs an instance of its own, edited or not (an edited one is already among the sessions).
        sessions = [.. sessions, .. (personal?.Declined ?? []).Where(d => sessions.All(s => s.Id != d.Id))];
        var calendar = new Calendar { ProductId = ProductId };
        calendar.AddProperty("X-WR-CALNAME", TextRules.Printable(name));
        foreach (var zone in series.GroupBy(s => s.Schedule.TimeZone))
        {
            var earliest = zone.Min(s => s.Schedule.StartDate).ToDateTime(TimeOnly.MinValue);
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone.Key, earliest, includeHistoricalData: false));
        }

        var overrides = sessions.ToLookup(session => session.SeriesId);
        foreach (var one in series.OrderBy(s => s.Id))
        {
            if (one.Schedule.FirstByRule() is null) continue; // ended before it began: nothing to show
            var master = one.Schedule.ToEvent();
            Describe(master, SeriesUid(one.Id), one.Title, one.Location, one.OnlineUrl, one.Sequence, one.UpdatedAt);
            master.Status = EventStatus.Confirmed;
            Remind(master, personal?.ReminderMinutes);
            calendar.Events.Add(master);

            foreach (var session in overrides[one.Id].OrderBy(s => s.OriginalStart))
            {
                var instance = Instance(one, session);
                if (instance is null) continue;
                if (declined.Contains(session.Id) && !session.Cancelled)
                {
                    // Not going: the slot stays visible but free, and no reminder rings for it.
                    instance.Summary = $"Not going: {instance.Summary}";
                    instance.Transparency = TransparencyType.Transparent;
                }
                else if (!session.Cancelled)
                {
                    Remind(instance, personal?.ReminderMinutes);
                }
                calendar.Events.Add(instance);
            }
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalendarEvent? Instance(FeedSeries series, FeedSession session)
    {
        var zone = series.Schedule.TimeZone;
        var generated = series.Schedule.Between(session.OriginalStart, session.OriginalStart.AddSeconds(1), 1).Count == 1;
        if (!generated && session.Cancelled)
        {
            return null; // the rule no longer produces it (the series was cut short): clients never show it
        }

        var instance = new CalendarEvent
        {
            DtStart = Local(session.StartsAt, zone),
            DtEnd = Local(session.EndsAt, zone),
            Status = session.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
        };
        var sequence = series.Sequence + session.Sequence;
        if (generated)
        {
            // An instance of the series: same UID, identified by the start the rule gave it.
            instance.RecurrenceIdentifier = new RecurrenceIdentifier(Local(session.OriginalStart, zone), null);
            Describe(instance, SeriesUid(series.Id), session.Title, session.Location, session.OnlineUrl, sequence, session.UpdatedAt);
        }
        else
        {
            Describe(instance, SessionUid(session.Id), session.Title, session.Location, session.OnlineUrl, sequence, session.UpdatedAt);
        }
        if (session.Cancelled && session.CancelReason is not null) instance.Description = $"Cancelled: {TextRules.Printable(session.CancelReason)}";
        return instance;
    }

    private static void Describe(CalendarEvent calendarEvent, string uid, string title, string? location, string? onlineUrl,
        int sequence, DateTimeOffset updatedAt)
    {
        calendarEvent.Uid = uid;
        calendarEvent.Summary = TextRules.Printable(title);
        calendarEvent.Location = location is null ? null : TextRules.Printable(location);
        calendarEvent.Sequence = sequence;
        // Stable stamps: the same state always serialises to the same feed.
        calendarEvent.DtStamp = new CalDateTime(updatedAt.UtcDateTime, CalDateTime.UtcTzId);
        calendarEvent.LastModified = new CalDateTime(updatedAt.UtcDateTime, CalDateTime.UtcTzId);
        if (onlineUrl is not null && Uri.TryCreate(onlineUrl, UriKind.Absolute, out var url))
        {
            calendarEvent.Url = url;
            calendarEvent.Description = $"Join online: {TextRules.Printable(onlineUrl)}";
        }
    }

    private static void Remind(CalendarEvent calendarEvent, int? minutesBefore)
    {
        if (minutesBefore is not { } minutes) return;
        calendarEvent.Alarms.Add(new Alarm
        {
            Action = AlarmAction.Display,
            Description = calendarEvent.Summary,
            Trigger = new Trigger(Duration.FromMinutes(-minutes)),
        });
    }

    private static CalDateTime Local(DateTimeOffset instant, string zone) =>
        new CalDateTime(instant.UtcDateTime, CalDateTime.UtcTzId).ToTimeZone(zone);
}
