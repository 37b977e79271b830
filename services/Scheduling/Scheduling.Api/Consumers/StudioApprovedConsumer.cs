using MassTransit;
using Studios.Scheduling.Data;
using Studios.Stewardship.Contracts;

namespace Studios.Scheduling.Consumers;

/// <summary>An approved studio may schedule sessions; its zone and capacity become the defaults for its series.</summary>
public sealed class StudioApprovedConsumer(InboxTransaction inbox, StudioRepository studios) : IConsumer<StudioApproved>
{
    public Task Consume(ConsumeContext<StudioApproved> context)
    {
        var m = context.Message;
        return studios.ApproveAsync(inbox.Transaction, m.StudioId, m.Name, m.TimeZone, m.Capacity, m.OccurredAt, context.CancellationToken);
    }
}
