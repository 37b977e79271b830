using Studios.Scheduling.Data;
using Studios.Scheduling.Features;

namespace Studios.Scheduling.Consumers;

/// <summary>What leaving a studio and being erased share: upcoming answers go, freed places are refilled.</summary>
internal static class PeopleLeaving
{
    public static async Task DropUpcomingAsync(NpgsqlTransaction tx, Guid personId, Guid? studioId, RsvpRepository rsvps,
        SessionRepository sessions, Waitlist waitlist, DateTimeOffset now, CancellationToken ct)
    {
        await rsvps.DropStandingAsync(tx, personId, studioId, ct);
        foreach (var sessionId in await rsvps.DropUpcomingAsync(tx, personId, studioId, now, ct))
        {
            var session = await sessions.LockAsync(tx, sessionId, ct);
            if (session is not null && !session.IsCancelled) await waitlist.PromoteAsync(tx, session, session.Capacity, ct);
        }
    }
}
