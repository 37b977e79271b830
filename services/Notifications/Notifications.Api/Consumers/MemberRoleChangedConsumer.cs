using MassTransit;
using Studios.Membership.Contracts;
using Studios.Notifications.Data;

namespace Studios.Notifications.Consumers;

/// <summary>Roles decide who hears about join requests (facilitators and co-facilitators).</summary>
public sealed class MemberRoleChangedConsumer(InboxTransaction inbox, StudioRepository studios) : IConsumer<MemberRoleChanged>
{
    public Task Consume(ConsumeContext<MemberRoleChanged> context)
    {
        var m = context.Message;
        return studios.SetMemberAsync(inbox.Transaction, m.StudioId, m.PersonId, m.Role, active: true, null, m.OccurredAt, context.CancellationToken);
    }
}
