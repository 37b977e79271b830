using MassTransit;
using Studios.Membership.Data;
using Studios.Membership.Features;
using Studios.Membership.Domain;
using Studios.Membership.Telemetry;
using Studios.Stewardship.Contracts;

namespace Studios.Membership.Consumers;

/// <summary>The roster closes for good: active members become alumni (MemberLeftStudio, studio-retired);
/// requests, invitations and the waitlist end.</summary>
public sealed class StudioRetiredConsumer(
    InboxTransaction inbox, StudioRepository studios, MembershipRepository memberships, InvitationRepository invitations,
    Roster roster, MembershipMetrics metrics, TimeProvider time)
    : IConsumer<StudioRetired>
{
    public async Task Consume(ConsumeContext<StudioRetired> context)
    {
        var (message, transaction, ct) = (context.Message, inbox.Transaction, context.CancellationToken);
        if (!await studios.RetireAsync(transaction, message.StudioId, message.OccurredAt.ToUniversalTime(), ct)) return;

        var tally = new RosterTally();
        foreach (var member in await memberships.CurrentOfStudioAsync(transaction, message.StudioId, ct))
        {
            var state = member.State == MemberStates.Active ? MemberStates.Alumni : MemberStates.Cancelled;
            await roster.EndAsync(transaction, member, state, EndReasons.StudioRetired, message.RetiredBy, tally, ct);
        }
        await invitations.RevokePendingAsync(transaction, message.StudioId, message.RetiredBy, time.GetUtcNow(), ct);
        metrics.Record(tally);
    }
}
