using MassTransit;
using Studios.Membership.Contracts;
using Studios.Scheduling.Data;

namespace Studios.Scheduling.Consumers;

/// <summary>A new member may RSVP (and, as a facilitator, manage the studio's sessions).</summary>
public sealed class MemberJoinedStudioConsumer(InboxTransaction inbox, StudioRepository studios) : IConsumer<MemberJoinedStudio>
{
    public Task Consume(ConsumeContext<MemberJoinedStudio> context)
    {
        var m = context.Message;
        return studios.SetMemberAsync(inbox.Transaction, m.StudioId, m.PersonId, m.Role, active: true, m.OccurredAt, context.CancellationToken);
    }
}
