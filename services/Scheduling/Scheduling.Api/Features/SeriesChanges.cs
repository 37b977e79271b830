using Studios.Scheduling.Data;
using Microsoft.Extensions.Options;
using Studios.Scheduling.Contracts;
using Studios.Scheduling.Domain;
using Studios.Scheduling.Extensions;

namespace Studios.Scheduling.Features;

/// <summary>"This and following": the series keeps its sessions before the cut (its rule is cut short) and a new series
/// carries the changed definition from the cut on; when nothing precedes the cut, the series itself is redefined.
/// Upcoming sessions move onto the new occurrence of the same local date, keeping their RSVPs; those without one are cancelled.</summary>
public sealed class SeriesChanges(
    SeriesRepository series,
    SessionRepository sessions,
    RsvpRepository rsvps,
    Materialiser materialiser,
    Cancellations cancellations,
    Waitlist waitlist,
    Outbox outbox,
    IOptions<SchedulingOptions> options,
    TimeProvider time)
{
    public async Task<SeriesRow> ApplyAsync(NpgsqlTransaction tx, SeriesRow old, SeriesDefinition changed, DateTimeOffset cutOff,
        Guid editor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var kept = old.Schedule.RuleEndingBefore(cutOff);
        Guid targetId;
        if (kept is null)
        {
            targetId = old.Id;
            await series.UpdateAsync(tx, old.Id, changed.Title, changed.Schedule, changed.Location, changed.OnlineUrl,
                changed.Capacity, changed.FacilitatorId, ct);
        }
        else
        {
            if (kept != old.Rule) await series.EndRuleAsync(tx, old.Id, kept, ct);
            targetId = Guid.CreateVersion7();
            await series.InsertAsync(tx, targetId, old.StudioId, changed.Title, changed.Schedule, changed.Location, changed.OnlineUrl,
                changed.Capacity, changed.FacilitatorId, old.Id, editor, ct);
            await series.CopyStandingRsvpsAsync(tx, old.Id, targetId, ct);
        }
        var target = (await series.GetAsync(tx.Connection!, targetId, tx, forUpdate: true, ct))!;

        var windowStart = cutOff > now ? cutOff : now;
        var slots = new Dictionary<DateOnly, SessionSlot>();
        foreach (var slot in target.Schedule.Between(windowStart, now + options.Value.Horizon)) slots.TryAdd(slot.LocalDate, slot);

        foreach (var session in await sessions.FollowingAsync(tx, old.Id, cutOff, now, ct))
        {
            var date = LocalTime.DateIn(DapperTimestamps.Utc(session.OriginalStart), old.TimeZone);
            if (slots.Remove(date, out var slot))
            {
                await sessions.MoveToSeriesAsync(tx, session.Id, target, slot, ct);
                if (session.IsCancelled) continue;
                if (slot.StartsAt != session.Start || slot.EndsAt != session.End)
                {
                    var coming = await rsvps.ComingAsync(tx, session.Id, ct);
                    await outbox.EnqueueAsync(tx, new SessionRescheduled(session.Id, session.StudioId, session.Start, slot.StartsAt,
                        slot.EndsAt, session.Sequence + 1, now, coming), ct);
                }
                if (target.Capacity > session.Capacity) await waitlist.PromoteAsync(tx, session, target.Capacity, ct);
            }
            else if (!session.IsCancelled)
            {
                await cancellations.CancelAsync(tx, session, "The series was changed and no longer includes this session.",
                    CancelCause.SeriesChanged, ct);
            }
        }

        await materialiser.ExtendAsync(tx, target, windowStart, ct);
        return (await series.GetAsync(tx.Connection!, targetId, tx, ct: ct))!;
    }
}
