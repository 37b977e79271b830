using MassTransit;
using Studios.Membership.Contracts;
using Studios.Membership.Data;
using Studios.Membership.Features;
using Studios.Membership.Domain;
using Studios.Membership.Telemetry;
using Studios.Stewardship.Contracts;

namespace Studios.Membership.Consumers;

/// <summary>The roster opens: the founding facilitator becomes its first member (registered or not yet).</summary>
public sealed class StudioApprovedConsumer(
    InboxTransaction inbox, StudioRepository studios, MembershipRepository memberships, Roster roster, MembershipMetrics metrics, TimeProvider time)
    : IConsumer<StudioApproved>
{
    public async Task Consume(ConsumeContext<StudioApproved> context)
    {
        var (message, transaction, ct) = (context.Message, inbox.Transaction, context.CancellationToken);
        var studio = await studios.ApproveAsync(transaction, message.StudioId, message.Name, Math.Max(0, message.Capacity),
            message.TimeZone, message.OccurredAt.ToUniversalTime(), ct);
        // Null: approved before (the same approval sent again). Retired: the retirement arrived first, nothing opens.
        if (studio is null || studio.Status == StudioStatus.Retired) return;

        var founderId = message.FoundingFacilitatorId;
        var current = await memberships.CurrentAsync(transaction, studio.Id, founderId, ct);
        var founder = (current ?? MembershipRow.New(studio.Id, founderId, StudioRoles.Facilitator, MemberStates.Active, time.GetUtcNow()))
            with { Role = StudioRoles.Facilitator };
        var tally = new RosterTally();
        await roster.AdmitAsync(transaction, founder, MemberStates.Active, JoinRoutes.Founding, tally, ct);
        metrics.Record(tally);
    }
}
