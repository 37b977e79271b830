using Studios.Notifications.Data;
using Studios.Notifications.Domain;

namespace Studios.Notifications.Features;

/// <summary>Keeps each person's reminders in step with the session's time, their answer and their preferences: a person
/// going to a session ahead has one per chosen offset; anyone else has none.</summary>
public sealed class Reminders(SessionRepository sessions, ReminderRepository reminders, PreferenceRepository preferences,
    PeopleRepository people, TimeProvider time)
{
    public async Task PlanAsync(NpgsqlTransaction transaction, Guid sessionId, Guid personId, CancellationToken ct)
    {
        var connection = transaction.Connection!;
        var session = await sessions.FindAsync(connection, sessionId, ct);
        var going = await sessions.RsvpStatusAsync(connection, sessionId, personId, ct) == "going";
        var (chosen, _) = await preferences.GetAsync(connection, personId, ct);
        var wanted = session is { Cancelled: false } && going && chosen.Allows(NotificationKinds.SessionReminder)
                     && !await people.IsErasedAsync(connection, personId, ct);
        var due = wanted ? ReminderSchedule.For(session!.StartsAt, chosen.ReminderMinutes, time.GetUtcNow()) : [];
        await reminders.ReplaceAsync(transaction, sessionId, personId, session?.StartsAt ?? default, due, ct);
    }

    /// <summary>Everyone going to the session (after it was scheduled or moved).</summary>
    public async Task PlanSessionAsync(NpgsqlTransaction transaction, Guid sessionId, CancellationToken ct)
    {
        foreach (var personId in await sessions.AnsweredAsync(transaction.Connection!, sessionId, ["going"], ct))
            await PlanAsync(transaction, sessionId, personId, ct);
    }

    /// <summary>Every session ahead the person is going to (after their preferences changed).</summary>
    public async Task PlanPersonAsync(NpgsqlTransaction transaction, Guid personId, CancellationToken ct)
    {
        foreach (var session in await sessions.UpcomingGoingAsync(transaction.Connection!, personId, time.GetUtcNow(), ct))
            await PlanAsync(transaction, session.SessionId, personId, ct);
    }
}
