using MassTransit;
using Studios.Notifications.Data;
using Studios.Stewardship.Contracts;

namespace Studios.Notifications.Consumers;

/// <summary>Open follow-ups for the stewards' weekly digest.</summary>
public sealed class FollowUpAgreedConsumer(InboxTransaction inbox, FollowUpRepository followUps) : IConsumer<FollowUpAgreed>
{
    public Task Consume(ConsumeContext<FollowUpAgreed> context)
    {
        var m = context.Message;
        return followUps.AgreeAsync(inbox.Transaction, m.FollowUpId, m.StudioId, m.StewardId, m.DueOn, context.CancellationToken);
    }
}
