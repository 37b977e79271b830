using MassTransit;
using Studios.Scheduling.Contracts;
using Studios.Stewardship.Data;
using Studios.Stewardship.Extensions;
using Studios.Stewardship.Health;

namespace Studios.Stewardship.Consumers;

/// <summary>A session took place (or its report was corrected): attendance, cadence and dormancy change.</summary>
public sealed class SessionHeldConsumer(
    InboxTransaction inbox, ActivityRepository activity, HealthEvaluator health, StewardshipClock clock)
    : IConsumer<SessionHeld>
{
    public async Task Consume(ConsumeContext<SessionHeld> context)
    {
        var message = context.Message;
        await activity.SessionHeldAsync(inbox.Transaction, message.SessionId, message.StudioId, message.StartsAt,
            message.Present, message.Late, message.Excused, message.Absent, message.OccurredAt, context.CancellationToken);
        await health.EvaluateAsync(inbox.Transaction, message.StudioId, clock.UtcNow(), context.CancellationToken);
    }
}
