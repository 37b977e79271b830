using MassTransit;
using Studios.PracticeContent.Contracts;
using Studios.Stewardship.Data;
using Studios.Stewardship.Extensions;
using Studios.Stewardship.Health;

namespace Studios.Stewardship.Consumers;

/// <summary>A reflection was shared with a studio: engagement counts it. Reflections shared with no studio are not ours.</summary>
public sealed class ReflectionSharedConsumer(
    InboxTransaction inbox, ActivityRepository activity, HealthEvaluator health, StewardshipClock clock)
    : IConsumer<ReflectionShared>
{
    public async Task Consume(ConsumeContext<ReflectionShared> context)
    {
        var message = context.Message;
        if (message.StudioId is not { } studioId) return;
        await activity.ReflectionSharedAsync(inbox.Transaction, message.ReflectionId, studioId, message.PersonId,
            message.OccurredAt, context.CancellationToken);
        await health.EvaluateAsync(inbox.Transaction, studioId, clock.UtcNow(), context.CancellationToken);
    }
}
