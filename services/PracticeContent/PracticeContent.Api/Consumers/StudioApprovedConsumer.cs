using MassTransit;
using Studios.PracticeContent.Data;
using Studios.Stewardship.Contracts;

namespace Studios.PracticeContent.Consumers;

/// <summary>A studio becomes known (plans may be authored for it); its founding facilitator facilitates it until a
/// newer roster event says otherwise.</summary>
public sealed class StudioApprovedConsumer(InboxTransaction inbox, StudioRepository studios) : IConsumer<StudioApproved>
{
    public async Task Consume(ConsumeContext<StudioApproved> context)
    {
        var message = context.Message;
        await studios.ApproveAsync(inbox.Transaction, message.StudioId, message.Name, message.OccurredAt, context.CancellationToken);
        await studios.SetMemberAsync(inbox.Transaction, message.StudioId, message.FoundingFacilitatorId, "facilitator", active: true,
            message.OccurredAt, context.CancellationToken);
    }
}
