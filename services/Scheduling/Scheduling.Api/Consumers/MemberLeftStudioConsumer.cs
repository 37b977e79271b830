using MassTransit;
using Studios.Membership.Contracts;
using Studios.Scheduling.Data;
using Studios.Scheduling.Features;

namespace Studios.Scheduling.Consumers;

/// <summary>Someone who left loses their answers for upcoming sessions; the places they held go to the waitlists.</summary>
public sealed class MemberLeftStudioConsumer(
    InboxTransaction inbox, StudioRepository studios, RsvpRepository rsvps, SessionRepository sessions, Waitlist waitlist, TimeProvider time)
    : IConsumer<MemberLeftStudio>
{
    public async Task Consume(ConsumeContext<MemberLeftStudio> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        var tx = inbox.Transaction;
        if (!await studios.SetMemberAsync(tx, m.StudioId, m.PersonId, m.Role, active: false, m.OccurredAt, ct)) return;
        await PeopleLeaving.DropUpcomingAsync(tx, m.PersonId, m.StudioId, rsvps, sessions, waitlist, time.GetUtcNow(), ct);
    }
}
