using MassTransit;
using Studios.Scheduling.Contracts;
using Studios.Scheduling.Data;
using Studios.Scheduling.Domain;
using Studios.Stewardship.Contracts;
using Studios.Scheduling.Features;

namespace Studios.Scheduling.Consumers;

/// <summary>A resumed studio gets back the upcoming sessions its pause cancelled, and its series reach the horizon again.</summary>
public sealed class StudioResumedConsumer(
    InboxTransaction inbox, Outbox outbox, StudioRepository studios, SeriesRepository series, SessionRepository sessions,
    Materialiser materialiser, TimeProvider time) : IConsumer<StudioResumed>
{
    public async Task Consume(ConsumeContext<StudioResumed> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        var tx = inbox.Transaction;
        if (!await studios.SetStatusAsync(tx, m.StudioId, StudioStatus.Active, m.OccurredAt, ct)) return;

        var now = time.GetUtcNow();
        foreach (var session in await sessions.RestorePausedAsync(tx, m.StudioId, now, ct))
        {
            await outbox.EnqueueAsync(tx, new SessionScheduled(session.Id, session.StudioId, session.SeriesId, session.Title,
                session.Start, session.End, session.TimeZone, session.FacilitatorId, session.Capacity, now), ct);
        }
        foreach (var id in await series.IdsOfStudioAsync(tx, m.StudioId, ct))
        {
            var row = (await series.GetAsync(tx.Connection!, id, tx, forUpdate: true, ct))!;
            await materialiser.ExtendAsync(tx, row, null, ct);
        }
    }
}
