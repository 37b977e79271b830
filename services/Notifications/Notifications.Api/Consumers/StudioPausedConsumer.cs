using MassTransit;
using Studios.Notifications.Data;
using Studios.Notifications.Domain;
using Studios.Notifications.Features;
using Studios.Stewardship.Contracts;

namespace Studios.Notifications.Consumers;

/// <summary>The studio's members hear it is paused (its cancelled sessions send no mail of their own).</summary>
public sealed class StudioPausedConsumer(InboxTransaction inbox, StudioRepository studios, Notifier notifier) : IConsumer<StudioPaused>
{
    public async Task Consume(ConsumeContext<StudioPaused> context)
    {
        var m = context.Message;
        var members = await studios.MembersAsync(inbox.Connection, m.StudioId, [], null, context.CancellationToken);
        await notifier.NotifyAsync(inbox.Transaction, NotificationKinds.StudioPaused, members, EventKeys.Of(m),
            new MailFacts { StudioId = m.StudioId, Reason = m.Reason }, context.CancellationToken);
    }
}
