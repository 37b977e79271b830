using MassTransit;
using Studios.Notifications.Data;
using Studios.Notifications.Domain;
using Studios.Notifications.Features;
using Studios.Scheduling.Contracts;

namespace Studios.Notifications.Consumers;

/// <summary>A cancelled session has no reminders; those who said they were coming are told, unless the whole studio was
/// paused or retired (its members get that one mail instead of one per session).</summary>
public sealed class SessionCancelledConsumer(
    InboxTransaction inbox, SessionRepository sessions, ReminderRepository reminders, Notifier notifier, TimeProvider time)
    : IConsumer<SessionCancelled>
{
    public async Task Consume(ConsumeContext<SessionCancelled> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        await sessions.LockAsync(inbox.Transaction, m.SessionId, ct);
        if (!await sessions.CancelAsync(inbox.Transaction, m.SessionId, m.StudioId, m.StartsAt, m.OccurredAt, ct)) return;
        await reminders.DeleteOfSessionAsync(inbox.Transaction, m.SessionId, ct);
        if (m.Cause is "studio-paused" or "studio-retired" || m.StartsAt <= time.GetUtcNow()) return;
        // The event names who was coming: an answer given just before may reach us after it (its own queue).
        var coming = m.Coming ?? await sessions.AnsweredAsync(inbox.Connection, m.SessionId, ["going", "waitlisted"], ct);
        await notifier.NotifyAsync(inbox.Transaction, NotificationKinds.SessionCancelled, coming, EventKeys.Of(m),
            new MailFacts { StudioId = m.StudioId, SessionId = m.SessionId, At = m.StartsAt, Reason = m.Reason }, ct);
    }
}
