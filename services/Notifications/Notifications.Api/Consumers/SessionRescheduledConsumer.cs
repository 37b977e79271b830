using MassTransit;
using Studios.Notifications.Data;
using Studios.Notifications.Domain;
using Studios.Notifications.Features;
using Studios.Scheduling.Contracts;

namespace Studios.Notifications.Consumers;

/// <summary>A moved session: its reminders move with it, and those who said they were coming are told.</summary>
public sealed class SessionRescheduledConsumer(InboxTransaction inbox, SessionRepository sessions, Reminders reminders, Notifier notifier)
    : IConsumer<SessionRescheduled>
{
    public async Task Consume(ConsumeContext<SessionRescheduled> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        await sessions.LockAsync(inbox.Transaction, m.SessionId, ct);
        if (!await sessions.RescheduleAsync(inbox.Transaction, m.SessionId, m.StartsAt, m.EndsAt, m.OccurredAt, ct)) return;
        await reminders.PlanSessionAsync(inbox.Transaction, m.SessionId, ct);
        // The event names who was coming: an answer given just before may reach us after it (its own queue).
        var coming = m.Coming ?? await sessions.AnsweredAsync(inbox.Connection, m.SessionId, ["going", "waitlisted"], ct);
        await notifier.NotifyAsync(inbox.Transaction, NotificationKinds.SessionRescheduled, coming, EventKeys.Of(m),
            new MailFacts { StudioId = m.StudioId, SessionId = m.SessionId, At = m.StartsAt, PreviousAt = m.PreviousStartsAt }, ct);
    }
}
