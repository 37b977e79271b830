using MassTransit;
using Studios.Membership.Contracts;
using Studios.PracticeContent.Data;

namespace Studios.PracticeContent.Consumers;

/// <summary>Kept as an inactive row (not deleted), so a late-arriving older join cannot bring the member back.</summary>
public sealed class MemberLeftStudioConsumer(InboxTransaction inbox, StudioRepository studios) : IConsumer<MemberLeftStudio>
{
    public Task Consume(ConsumeContext<MemberLeftStudio> context) =>
        studios.SetMemberAsync(inbox.Transaction, context.Message.StudioId, context.Message.PersonId, context.Message.Role,
            active: false, context.Message.OccurredAt, context.CancellationToken);
}
