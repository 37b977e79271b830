using MassTransit;
using Studios.Membership.Contracts;
using Studios.Stewardship.Data;
using Studios.Stewardship.Extensions;
using Studios.Stewardship.Health;

namespace Studios.Stewardship.Consumers;

/// <summary>A member left: the roster and leaves of the last 90 days change.</summary>
public sealed class MemberLeftStudioConsumer(
    InboxTransaction inbox, ActivityRepository activity, HealthEvaluator health, StewardshipClock clock)
    : IConsumer<MemberLeftStudio>
{
    public async Task Consume(ConsumeContext<MemberLeftStudio> context)
    {
        var message = context.Message;
        await activity.MemberLeftAsync(inbox.Transaction, message.StudioId, message.PersonId, message.Role,
            message.OccurredAt, context.CancellationToken);
        await health.EvaluateAsync(inbox.Transaction, message.StudioId, clock.UtcNow(), context.CancellationToken);
    }
}
