using Studios.Scheduling.Data;
using Microsoft.Extensions.Options;
using Studios.Scheduling.Contracts;
using Studios.Scheduling.Domain;
using Studios.Scheduling.Extensions;
using Studios.Scheduling.Telemetry;

namespace Studios.Scheduling.Features;

/// <summary>Turns a series' occurrences into sessions up to the rolling horizon. Idempotent: an occurrence that already
/// exists (unique series + original start) is skipped, so reruns and concurrent instances add nothing twice.</summary>
public sealed class Materialiser(
    SeriesRepository series,
    SessionRepository sessions,
    Waitlist waitlist,
    Outbox outbox,
    IOptions<SchedulingOptions> options,
    TimeProvider time,
    SchedulingMetrics metrics)
{
    /// <summary>Adds the missing sessions of <paramref name="row"/> from <paramref name="from"/> (by default where it last
    /// stopped, or today for a new series) to the horizon, each with a SessionScheduled and the standing series RSVPs.</summary>
    public async Task<int> ExtendAsync(NpgsqlTransaction tx, SeriesRow row, DateTimeOffset? from, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var to = now + options.Value.Horizon;
        var schedule = row.Schedule;
        var start = from ?? (row.MaterialisedUntil is { } until
            ? Later(DapperTimestamps.Utc(until), now)
            : schedule.StartOfLocalDay(now)); // a series created today still gets today's earlier session
        var added = 0;
        if (start < to)
        {
            IReadOnlyList<(Guid PersonId, string Status)>? standing = null;
            foreach (var slot in schedule.Between(start, to))
            {
                var id = Guid.CreateVersion7();
                if (!await sessions.InsertOccurrenceAsync(tx, id, row, slot, ct)) continue;
                added++;
                await outbox.EnqueueAsync(tx, new SessionScheduled(id, row.StudioId, row.Id, row.Title, slot.StartsAt, slot.EndsAt,
                    row.TimeZone, row.FacilitatorId, row.Capacity, now), ct);

                standing ??= await series.StandingRsvpsAsync(tx, row.Id, ct);
                if (standing.Count == 0 || slot.StartsAt <= now) continue;
                var session = (await sessions.GetAsync(tx.Connection!, id, null, tx, ct))!;
                foreach (var (personId, status) in standing)
                {
                    await waitlist.RespondAsync(tx, session, personId, Kebab.Parse<RsvpResponse>(status), viaSeries: true, ct);
                }
            }
        }
        await series.MarkMaterialisedAsync(tx, row.Id, to, ct);
        metrics.Scheduled(added);
        return added;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
