using MassTransit;
using Studios.Notifications.Data;
using Studios.Stewardship.Contracts;

namespace Studios.Notifications.Consumers;

public sealed class FollowUpCompletedConsumer(InboxTransaction inbox, FollowUpRepository followUps) : IConsumer<FollowUpCompleted>
{
    public Task Consume(ConsumeContext<FollowUpCompleted> context)
    {
        var m = context.Message;
        return followUps.CompleteAsync(inbox.Transaction, m.FollowUpId, m.StudioId, m.StewardId, context.CancellationToken);
    }
}
