using MassTransit;
using Studios.Membership.Contracts;
using Studios.Scheduling.Data;

namespace Studios.Scheduling.Consumers;

public sealed class MemberRoleChangedConsumer(InboxTransaction inbox, StudioRepository studios) : IConsumer<MemberRoleChanged>
{
    public Task Consume(ConsumeContext<MemberRoleChanged> context)
    {
        var m = context.Message;
        return studios.SetMemberAsync(inbox.Transaction, m.StudioId, m.PersonId, m.Role, active: true, m.OccurredAt, context.CancellationToken);
    }
}
