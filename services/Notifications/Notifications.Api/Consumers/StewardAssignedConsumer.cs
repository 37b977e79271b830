using MassTransit;
using Studios.Notifications.Data;
using Studios.Stewardship.Contracts;

namespace Studios.Notifications.Consumers;

/// <summary>Stewards hear of their studios' alerts and get the weekly digest.</summary>
public sealed class StewardAssignedConsumer(InboxTransaction inbox, StudioRepository studios) : IConsumer<StewardAssigned>
{
    public Task Consume(ConsumeContext<StewardAssigned> context)
    {
        var m = context.Message;
        return studios.SetStewardAsync(inbox.Transaction, m.StudioId, m.StewardId, active: true, m.OccurredAt, context.CancellationToken);
    }
}
