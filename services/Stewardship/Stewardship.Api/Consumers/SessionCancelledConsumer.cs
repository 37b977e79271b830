using MassTransit;
using Studios.Scheduling.Contracts;
using Studios.Stewardship.Data;
using Studios.Stewardship.Extensions;
using Studios.Stewardship.Health;

namespace Studios.Stewardship.Consumers;

/// <summary>A session was cancelled: it counts as due but not held.</summary>
public sealed class SessionCancelledConsumer(
    InboxTransaction inbox, ActivityRepository activity, HealthEvaluator health, StewardshipClock clock)
    : IConsumer<SessionCancelled>
{
    public async Task Consume(ConsumeContext<SessionCancelled> context)
    {
        var message = context.Message;
        await activity.SessionCancelledAsync(inbox.Transaction, message.SessionId, message.StudioId, message.StartsAt,
            message.OccurredAt, context.CancellationToken);
        await health.EvaluateAsync(inbox.Transaction, message.StudioId, clock.UtcNow(), context.CancellationToken);
    }
}
