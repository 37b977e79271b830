using MassTransit;
using Studios.Notifications.Data;
using Studios.Notifications.Domain;
using Studios.Notifications.Features;
using Studios.Stewardship.Contracts;

namespace Studios.Notifications.Consumers;

/// <summary>The proposer and the founding facilitator hear the studio was declined, and why.</summary>
public sealed class StudioDeclinedConsumer(InboxTransaction inbox, StudioRepository studios, Notifier notifier) : IConsumer<StudioDeclined>
{
    public async Task Consume(ConsumeContext<StudioDeclined> context)
    {
        var m = context.Message;
        var studio = await studios.FindAsync(inbox.Connection, m.StudioId, context.CancellationToken);
        await notifier.NotifyAsync(inbox.Transaction, NotificationKinds.StudioDeclined,
            new[] { studio?.ProposedBy, studio?.FoundingFacilitatorId }.OfType<Guid>(), EventKeys.Of(m),
            new MailFacts { StudioId = m.StudioId, Reason = m.Reason }, context.CancellationToken);
    }
}
