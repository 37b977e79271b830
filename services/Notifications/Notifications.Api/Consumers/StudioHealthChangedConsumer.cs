using MassTransit;
using Studios.Notifications.Data;
using Studios.Notifications.Domain;
using Studios.Notifications.Features;
using Studios.Stewardship.Contracts;

namespace Studios.Notifications.Consumers;

/// <summary>Health for the digest; a studio turning at-risk or dormant alerts its stewards with the reasons.</summary>
public sealed class StudioHealthChangedConsumer(InboxTransaction inbox, StudioRepository studios, Notifier notifier)
    : IConsumer<StudioHealthChanged>
{
    public async Task Consume(ConsumeContext<StudioHealthChanged> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        await studios.SetHealthAsync(inbox.Transaction, m.StudioId, m.State, m.Score, m.Reasons, m.OccurredAt, ct);
        var kind = m.State switch { "at-risk" => NotificationKinds.StudioAtRisk, "dormant" => NotificationKinds.StudioDormant, _ => null };
        if (kind is null) return;
        var stewards = await studios.StewardsAsync(inbox.Connection, m.StudioId, ct);
        await notifier.NotifyAsync(inbox.Transaction, kind, stewards, EventKeys.Of(m),
            new MailFacts { StudioId = m.StudioId, State = m.State, Score = m.Score, Reasons = m.Reasons }, ct);
    }
}
