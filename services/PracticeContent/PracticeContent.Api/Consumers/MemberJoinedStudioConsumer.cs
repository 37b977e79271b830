using MassTransit;
using Studios.Membership.Contracts;
using Studios.PracticeContent.Data;

namespace Studios.PracticeContent.Consumers;

public sealed class MemberJoinedStudioConsumer(InboxTransaction inbox, StudioRepository studios) : IConsumer<MemberJoinedStudio>
{
    public Task Consume(ConsumeContext<MemberJoinedStudio> context) =>
        studios.SetMemberAsync(inbox.Transaction, context.Message.StudioId, context.Message.PersonId, context.Message.Role,
            active: true, context.Message.OccurredAt, context.CancellationToken);
}
