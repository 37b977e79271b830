using MassTransit;
using Studios.Scheduling.Contracts;
using Studios.Stewardship.Data;
using Studios.Stewardship.Extensions;
using Studios.Stewardship.Health;

namespace Studios.Stewardship.Consumers;

/// <summary>One person's attendance (or its correction): core members and returning newcomers change.</summary>
public sealed class AttendanceRecordedConsumer(
    InboxTransaction inbox, ActivityRepository activity, HealthEvaluator health, StewardshipClock clock)
    : IConsumer<AttendanceRecorded>
{
    public async Task Consume(ConsumeContext<AttendanceRecorded> context)
    {
        var message = context.Message;
        await activity.AttendanceRecordedAsync(inbox.Transaction, message.SessionId, message.StudioId, message.PersonId,
            message.Status, message.SessionStartsAt, message.OccurredAt, context.CancellationToken);
        await health.EvaluateAsync(inbox.Transaction, message.StudioId, clock.UtcNow(), context.CancellationToken);
    }
}
