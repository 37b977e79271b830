using MassTransit;
using Studios.Notifications.Data;
using Studios.Stewardship.Contracts;

namespace Studios.Notifications.Consumers;

/// <summary>A studio's name, zone, proposer and founding facilitator (who hear of its approval or decline).</summary>
public sealed class StudioProposedConsumer(InboxTransaction inbox, StudioRepository studios) : IConsumer<StudioProposed>
{
    public Task Consume(ConsumeContext<StudioProposed> context)
    {
        var m = context.Message;
        return studios.SaveAsync(inbox.Transaction, m.StudioId, m.Name, m.TimeZone, m.ProposedBy, m.FoundingFacilitatorId, context.CancellationToken);
    }
}
