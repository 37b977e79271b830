using Studios.Scheduling.Contracts;
using Studios.Scheduling.Data;
using Studios.Scheduling.Domain;
using Studios.Scheduling.Telemetry;

namespace Studios.Scheduling.Features;

/// <summary>RSVPs against capacity, each change announced with RsvpChanged in the same transaction. Callers hold the
/// session's row lock, so two people racing for the last place are decided one after the other and exactly one gets it.</summary>
public sealed class Waitlist(RsvpRepository rsvps, Outbox outbox, TimeProvider time, SchedulingMetrics metrics)
{
    /// <summary>Records the answer; "going" takes a free place or joins the waitlist, "not going" frees the place for the next in line.</summary>
    public async Task<RsvpStatus> RespondAsync(NpgsqlTransaction tx, SessionRow session, Guid personId, RsvpResponse response,
        bool viaSeries, CancellationToken ct)
    {
        var current = await rsvps.GetAsync(tx.Connection!, session.Id, personId, tx, ct);
        var currentStatus = current is null ? (RsvpStatus?)null : Kebab.Parse<RsvpStatus>(current.Status);

        RsvpStatus status;
        if (response == RsvpResponse.Going)
        {
            status = currentStatus is RsvpStatus.Going or RsvpStatus.Waitlisted
                ? currentStatus.Value // asking again keeps the place or the waitlist spot
                : Places.ForGoing(session.Capacity, await rsvps.GoingAsync(tx, session.Id, ct));
        }
        else
        {
            status = RsvpStatus.NotGoing;
        }

        if (status != currentStatus || current?.ViaSeries != viaSeries)
        {
            await rsvps.SetAsync(tx, session.Id, personId, Kebab.Of(status), viaSeries, ct);
        }
        if (status != currentStatus)
        {
            metrics.Rsvp(status);
            await outbox.EnqueueAsync(tx, new RsvpChanged(session.Id, session.StudioId, personId,
                currentStatus is { } previous ? Kebab.Of(previous) : null, Kebab.Of(status), time.GetUtcNow()), ct);
            if (currentStatus == RsvpStatus.Going) await PromoteAsync(tx, session, session.Capacity, ct);
        }
        return status;
    }

    /// <summary>Fills free places (of <paramref name="capacity"/>) from the waitlist, longest-waiting first.</summary>
    public async Task<IReadOnlyList<Guid>> PromoteAsync(NpgsqlTransaction tx, SessionRow session, int capacity, CancellationToken ct)
    {
        var count = Places.ToPromote(capacity, await rsvps.GoingAsync(tx, session.Id, ct), await rsvps.WaitlistedAsync(tx, session.Id, ct));
        var promoted = await rsvps.PromoteAsync(tx, session.Id, count, ct);
        foreach (var personId in promoted)
        {
            metrics.Rsvp(RsvpStatus.Going);
            await outbox.EnqueueAsync(tx, new RsvpChanged(session.Id, session.StudioId, personId,
                Kebab.Of(RsvpStatus.Waitlisted), Kebab.Of(RsvpStatus.Going), time.GetUtcNow()), ct);
        }
        return promoted;
    }
}
