using MassTransit;
using Studios.Notifications.Data;
using Studios.Notifications.Domain;
using Studios.Notifications.Features;
using Studios.Scheduling.Contracts;

namespace Studios.Notifications.Consumers;

/// <summary>Going means reminders; anything else means none. Someone who moved up from the waitlist is told.</summary>
public sealed class RsvpChangedConsumer(InboxTransaction inbox, SessionRepository sessions, Reminders reminders, Notifier notifier)
    : IConsumer<RsvpChanged>
{
    public async Task Consume(ConsumeContext<RsvpChanged> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        await sessions.LockAsync(inbox.Transaction, m.SessionId, ct);
        if (!await sessions.SetRsvpAsync(inbox.Transaction, m.SessionId, m.PersonId, m.Status, m.OccurredAt, ct)) return;
        await reminders.PlanAsync(inbox.Transaction, m.SessionId, m.PersonId, ct);
        if (m is { PreviousStatus: "waitlisted", Status: "going" })
            await notifier.NotifyAsync(inbox.Transaction, NotificationKinds.RsvpPromoted, [m.PersonId], EventKeys.Of(m),
                new MailFacts { StudioId = m.StudioId, SessionId = m.SessionId }, ct);
    }
}
