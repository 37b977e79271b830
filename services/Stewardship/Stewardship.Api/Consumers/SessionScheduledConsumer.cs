using MassTransit;
using Studios.Scheduling.Contracts;
using Studios.Stewardship.Data;
using Studios.Stewardship.Extensions;
using Studios.Stewardship.Health;

namespace Studios.Stewardship.Consumers;

/// <summary>A session was scheduled: once its time passes it counts towards the cadence.</summary>
public sealed class SessionScheduledConsumer(
    InboxTransaction inbox, ActivityRepository activity, HealthEvaluator health, StewardshipClock clock)
    : IConsumer<SessionScheduled>
{
    public async Task Consume(ConsumeContext<SessionScheduled> context)
    {
        var message = context.Message;
        await activity.SessionScheduledAsync(inbox.Transaction, message.SessionId, message.StudioId, message.StartsAt,
            context.CancellationToken);
        await health.EvaluateAsync(inbox.Transaction, message.StudioId, clock.UtcNow(), context.CancellationToken);
    }
}
