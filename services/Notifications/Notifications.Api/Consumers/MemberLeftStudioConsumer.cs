using MassTransit;
using Studios.Membership.Contracts;
using Studios.Notifications.Data;

namespace Studios.Notifications.Consumers;

/// <summary>Someone who left hears no more about the studio: no reminders for its sessions ahead.</summary>
public sealed class MemberLeftStudioConsumer(
    InboxTransaction inbox, StudioRepository studios, SessionRepository sessions, ReminderRepository reminders, TimeProvider time)
    : IConsumer<MemberLeftStudio>
{
    public async Task Consume(ConsumeContext<MemberLeftStudio> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        if (!await studios.SetMemberAsync(inbox.Transaction, m.StudioId, m.PersonId, m.Role, active: false, m.Reason, m.OccurredAt, ct)) return;
        await sessions.NotGoingAnyMoreAsync(inbox.Transaction, m.PersonId, m.StudioId, time.GetUtcNow(), m.OccurredAt, ct);
        await reminders.DeleteOfPersonInStudioAsync(inbox.Transaction, m.PersonId, m.StudioId, ct);
    }
}
