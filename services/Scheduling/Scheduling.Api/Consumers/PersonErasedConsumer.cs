using MassTransit;
using Studios.Membership.Contracts;
using Studios.Scheduling.Data;
using Studios.Scheduling.Features;

namespace Studios.Scheduling.Consumers;

/// <summary>Erasure: the person's memberships, RSVPs and feed token go; attendance stays only as anonymous counts.</summary>
public sealed class PersonErasedConsumer(
    InboxTransaction inbox, RsvpRepository rsvps, SessionRepository sessions, Waitlist waitlist, TimeProvider time)
    : IConsumer<PersonErased>
{
    private const string EraseSql = """
        INSERT INTO erased_people (person_id, erased_at) VALUES (@personId, @occurredAt) ON CONFLICT DO NOTHING;
        DELETE FROM studio_members WHERE person_id = @personId;
        DELETE FROM rsvps WHERE person_id = @personId;
        DELETE FROM calendar_tokens WHERE person_id = @personId;
        DELETE FROM calendar_preferences WHERE person_id = @personId;
        UPDATE attendance SET person_id = gen_random_uuid() WHERE person_id = @personId;
        UPDATE attendance SET recorded_by = '00000000-0000-0000-0000-000000000000' WHERE recorded_by = @personId;
        UPDATE sessions SET facilitator_id = NULL, version = version + 1, updated_at = now() WHERE facilitator_id = @personId;
        UPDATE series SET facilitator_id = NULL WHERE facilitator_id = @personId;
        UPDATE series SET created_by = '00000000-0000-0000-0000-000000000000' WHERE created_by = @personId;
        """;

    public async Task Consume(ConsumeContext<PersonErased> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        var tx = inbox.Transaction;
        // Upcoming places are released to the waitlists first; then everything left about the person goes.
        await PeopleLeaving.DropUpcomingAsync(tx, m.PersonId, null, rsvps, sessions, waitlist, time.GetUtcNow(), ct);
        await tx.Connection!.ExecuteAsync(new CommandDefinition(EraseSql, new { personId = m.PersonId, occurredAt = m.OccurredAt },
            tx, cancellationToken: ct));
    }
}
