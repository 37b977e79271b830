using MassTransit;
using Studios.Notifications.Data;
using Studios.Notifications.Features;
using Studios.Scheduling.Contracts;

namespace Studios.Notifications.Consumers;

/// <summary>A session (new, or restored after a pause): answers that arrived before it get their reminders now.</summary>
public sealed class SessionScheduledConsumer(InboxTransaction inbox, SessionRepository sessions, Reminders reminders)
    : IConsumer<SessionScheduled>
{
    public async Task Consume(ConsumeContext<SessionScheduled> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        await sessions.LockAsync(inbox.Transaction, m.SessionId, ct);
        if (!await sessions.ScheduleAsync(inbox.Transaction, m.SessionId, m.StudioId, m.Title, m.StartsAt, m.EndsAt, m.OccurredAt, ct)) return;
        await reminders.PlanSessionAsync(inbox.Transaction, m.SessionId, ct);
    }
}
