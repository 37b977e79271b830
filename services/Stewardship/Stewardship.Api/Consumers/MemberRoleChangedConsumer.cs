using MassTransit;
using Studios.Membership.Contracts;
using Studios.Stewardship.Data;
using Studios.Stewardship.Extensions;
using Studios.Stewardship.Health;

namespace Studios.Stewardship.Consumers;

/// <summary>A member's role changed: who counts as an active facilitator may change.</summary>
public sealed class MemberRoleChangedConsumer(
    InboxTransaction inbox, ActivityRepository activity, HealthEvaluator health, StewardshipClock clock)
    : IConsumer<MemberRoleChanged>
{
    public async Task Consume(ConsumeContext<MemberRoleChanged> context)
    {
        var message = context.Message;
        await activity.MemberRoleChangedAsync(inbox.Transaction, message.StudioId, message.PersonId, message.Role,
            message.OccurredAt, context.CancellationToken);
        await health.EvaluateAsync(inbox.Transaction, message.StudioId, clock.UtcNow(), context.CancellationToken);
    }
}
