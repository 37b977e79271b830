using Studios.Scheduling.Data;
using Studios.Scheduling.Contracts;
using Studios.Scheduling.Domain;
using Studios.Scheduling.Telemetry;

namespace Studios.Scheduling.Features;

/// <summary>Cancels sessions and announces each with SessionCancelled in the same transaction.</summary>
public sealed class Cancellations(SessionRepository sessions, SeriesRepository series, RsvpRepository rsvps, Outbox outbox,
    TimeProvider time, SchedulingMetrics metrics)
{
    public async Task CancelAsync(NpgsqlTransaction tx, SessionRow session, string reason, string cause, CancellationToken ct)
    {
        await sessions.CancelAsync(tx, session.Id, reason, cause, ct);
        var coming = await rsvps.ComingAsync(tx, session.Id, ct);
        await outbox.EnqueueAsync(tx, new SessionCancelled(session.Id, session.StudioId, session.Start, reason, time.GetUtcNow(), cause, coming), ct);
        metrics.Cancelled(cause);
    }

    /// <summary>Cancels every session of the studio that has not started yet (a pause or a retirement).</summary>
    public async Task<int> CancelUpcomingAsync(NpgsqlTransaction tx, Guid studioId, string reason, string cause, CancellationToken ct)
    {
        var upcoming = await sessions.UpcomingOfStudioAsync(tx, studioId, time.GetUtcNow(), ct);
        foreach (var session in upcoming) await CancelAsync(tx, session, reason, cause, ct);
        return upcoming.Count;
    }

    /// <summary>Ends every series of a retired studio now, so feeds stop showing occurrences that will never happen.</summary>
    public async Task EndSeriesAsync(NpgsqlTransaction tx, Guid studioId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var id in await series.IdsOfStudioAsync(tx, studioId, ct))
        {
            var row = (await series.GetAsync(tx.Connection!, id, tx, forUpdate: true, ct))!;
            var schedule = row.Schedule;
            var ended = schedule.RuleEndingBefore(now) ?? schedule.EmptyRule();
            if (ended != row.Rule) await series.EndRuleAsync(tx, id, ended, ct);
        }
    }
}
