using MassTransit;
using Studios.Membership.Contracts;
using Studios.Stewardship.Data;
using Studios.Stewardship.Extensions;
using Studios.Stewardship.Health;

namespace Studios.Stewardship.Consumers;

/// <summary>A member joined: the roster, joins of the last 90 days and active facilitators change.</summary>
public sealed class MemberJoinedStudioConsumer(
    InboxTransaction inbox, ActivityRepository activity, HealthEvaluator health, StewardshipClock clock)
    : IConsumer<MemberJoinedStudio>
{
    public async Task Consume(ConsumeContext<MemberJoinedStudio> context)
    {
        var message = context.Message;
        await activity.MemberJoinedAsync(inbox.Transaction, message.StudioId, message.PersonId, message.Role,
            message.OccurredAt, context.CancellationToken);
        await health.EvaluateAsync(inbox.Transaction, message.StudioId, clock.UtcNow(), context.CancellationToken);
    }
}
