using MassTransit;
using Studios.Scheduling.Contracts;
using Studios.Stewardship.Data;
using Studios.Stewardship.Extensions;
using Studios.Stewardship.Health;

namespace Studios.Stewardship.Consumers;

/// <summary>A session moved: the cadence counts it at its new time.</summary>
public sealed class SessionRescheduledConsumer(
    InboxTransaction inbox, ActivityRepository activity, HealthEvaluator health, StewardshipClock clock)
    : IConsumer<SessionRescheduled>
{
    public async Task Consume(ConsumeContext<SessionRescheduled> context)
    {
        var message = context.Message;
        await activity.SessionRescheduledAsync(inbox.Transaction, message.SessionId, message.StudioId, message.StartsAt,
            message.Sequence, context.CancellationToken);
        await health.EvaluateAsync(inbox.Transaction, message.StudioId, clock.UtcNow(), context.CancellationToken);
    }
}
