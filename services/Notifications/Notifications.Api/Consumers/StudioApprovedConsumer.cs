using MassTransit;
using Studios.Notifications.Data;
using Studios.Notifications.Domain;
using Studios.Notifications.Features;
using Studios.Stewardship.Contracts;

namespace Studios.Notifications.Consumers;

/// <summary>The proposer and the founding facilitator hear the studio is approved; its steward is recorded.</summary>
public sealed class StudioApprovedConsumer(InboxTransaction inbox, StudioRepository studios, Notifier notifier) : IConsumer<StudioApproved>
{
    public async Task Consume(ConsumeContext<StudioApproved> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        await studios.SaveAsync(inbox.Transaction, m.StudioId, m.Name, m.TimeZone, null, m.FoundingFacilitatorId, ct);
        if (m.StewardId is { } stewardId) await studios.SetStewardAsync(inbox.Transaction, m.StudioId, stewardId, active: true, m.OccurredAt, ct);
        var studio = await studios.FindAsync(inbox.Connection, m.StudioId, ct);
        await notifier.NotifyAsync(inbox.Transaction, NotificationKinds.StudioApproved,
            new[] { studio?.ProposedBy, m.FoundingFacilitatorId }.OfType<Guid>(), EventKeys.Of(m), new MailFacts { StudioId = m.StudioId }, ct);
    }
}
