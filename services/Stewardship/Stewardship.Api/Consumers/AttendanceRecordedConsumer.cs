using MassTransit;
using Studios.Scheduling.Contracts;
using Studios.Stewardship.Data;

using Studios.Stewardship.Features;

namespace Studios.Stewardship.Consumers;

/// <summary>People's attendance (or its corrections): core members and returning newcomers change. The busiest event
/// Stewardship hears (one per person per session), so it is consumed in batches: each attendance applied, then each
/// studio's health evaluated once for the batch.</summary>
/// <remarks>Batches run concurrently and each locks rows as it goes (attendance rows, then one studio row per
/// evaluation), so every batch takes its locks in one order — attendance by (session, person), studios by id — or two
/// batches holding each other's next studio deadlock (40P01). Order within a batch does not change the result: a
/// correction wins by its timestamp, not by its place.</remarks>
public sealed class AttendanceRecordedConsumer(
    InboxTransaction inbox, ActivityRepository activity, StudioHealthEvaluator health, TimeProvider time)
    : IConsumer<Batch<AttendanceRecorded>>
{
    public async Task Consume(ConsumeContext<Batch<AttendanceRecorded>> context)
    {
        var attendance = inbox.NewMessages(context.Message).Select(message => message.Message)
            .OrderBy(message => message.SessionId).ThenBy(message => message.PersonId).ToList();
        foreach (var message in attendance)
        {
            await activity.AttendanceRecordedAsync(inbox.Transaction, message.SessionId, message.StudioId, message.PersonId,
                message.Status, message.SessionStartsAt, message.OccurredAt, context.CancellationToken);
        }
        foreach (var studioId in attendance.Select(message => message.StudioId).Distinct().Order())
        {
            await health.EvaluateAsync(inbox.Transaction, studioId, time.GetUtcNow(), context.CancellationToken);
        }
    }
}
