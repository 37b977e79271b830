using MassTransit;
using Studios.Notifications.Data;
using Studios.Stewardship.Contracts;

namespace Studios.Notifications.Consumers;

public sealed class StewardUnassignedConsumer(InboxTransaction inbox, StudioRepository studios) : IConsumer<StewardUnassigned>
{
    public Task Consume(ConsumeContext<StewardUnassigned> context)
    {
        var m = context.Message;
        return studios.SetStewardAsync(inbox.Transaction, m.StudioId, m.StewardId, active: false, m.OccurredAt, context.CancellationToken);
    }
}
