using MassTransit;
using Studios.Membership.Contracts;
using Studios.Notifications.Domain;
using Studios.Notifications.Features;

namespace Studios.Notifications.Consumers;

/// <summary>The requester hears the decision: a member, on the waitlist, or declined.</summary>
public sealed class JoinRequestDecidedConsumer(InboxTransaction inbox, Notifier notifier) : IConsumer<JoinRequestDecided>
{
    public Task Consume(ConsumeContext<JoinRequestDecided> context)
    {
        var m = context.Message;
        return notifier.NotifyAsync(inbox.Transaction, NotificationKinds.JoinRequestDecided, [m.PersonId], EventKeys.Of(m),
            new MailFacts { StudioId = m.StudioId, State = m.State }, context.CancellationToken);
    }
}
