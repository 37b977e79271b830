using Studios.Membership.Contracts;
using Studios.Membership.Data;
using Studios.Membership.Domain;

namespace Studios.Membership.Features;

/// <summary>Changes to who holds a place in a studio, each with its event in the same transaction.
/// Callers hold the studio's roster lock (<see cref="StudioRepository.LockAsync"/>).</summary>
public sealed class Roster(MembershipRepository memberships, Outbox outbox, TimeProvider time)
{
    /// <summary>Moves the membership to <paramref name="state"/> (active, waitlisted or requested) by
    /// <paramref name="joinedVia"/>; becoming active publishes MemberJoinedStudio.</summary>
    public async Task<MembershipRow> AdmitAsync(NpgsqlTransaction transaction, MembershipRow row, string state, string joinedVia,
        RosterTally tally, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        row = state switch
        {
            MemberStates.Active => row with { State = state, JoinedVia = joinedVia, JoinedAt = now, WaitlistedSeq = null },
            MemberStates.Waitlisted => row with
            {
                State = state, JoinedVia = joinedVia,
                WaitlistedSeq = await memberships.NextWaitlistSeqAsync(transaction, cancellationToken),
            },
            _ => row with { State = state, JoinedVia = joinedVia },
        };
        row = row with { EndedAt = null, EndReason = null, UpdatedAt = now };
        await memberships.SaveAsync(transaction, row, cancellationToken);

        if (state == MemberStates.Active)
        {
            await outbox.EnqueueAsync(transaction,
                new MemberJoinedStudio(row.StudioId, row.PersonId, row.Role, joinedVia, now), cancellationToken);
            tally.AddJoined(joinedVia);
        }
        return row;
    }

    /// <summary>Ends the membership; an active member leaving publishes MemberLeftStudio with the reason.</summary>
    public async Task<MembershipRow> EndAsync(NpgsqlTransaction transaction, MembershipRow row, string state, string reason,
        Guid? decidedBy, RosterTally tally, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var wasActive = row.State == MemberStates.Active;
        row = row with
        {
            State = state, EndReason = reason, EndedAt = now, WaitlistedSeq = null,
            DecidedBy = decidedBy ?? row.DecidedBy, UpdatedAt = now,
        };
        await memberships.SaveAsync(transaction, row, cancellationToken);

        if (wasActive)
        {
            await outbox.EnqueueAsync(transaction, new MemberLeftStudio(row.StudioId, row.PersonId, row.Role, reason, now), cancellationToken);
            tally.AddLeft(reason);
        }
        return row;
    }

    /// <summary>Gives an active member another role and publishes MemberRoleChanged.</summary>
    public async Task<MembershipRow> ChangeRoleAsync(NpgsqlTransaction transaction, MembershipRow row, string role, Guid changedBy,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var previousRole = row.Role;
        row = row with { Role = role, UpdatedAt = now };
        await memberships.SaveAsync(transaction, row, cancellationToken);
        await outbox.EnqueueAsync(transaction,
            new MemberRoleChanged(row.StudioId, row.PersonId, previousRole, role, changedBy, now), cancellationToken);
        return row;
    }

    /// <summary>Moves people up from the waitlist, first come first, while the open studio has free places.</summary>
    public async Task PromoteAsync(NpgsqlTransaction transaction, StudioRow studio, RosterTally tally, CancellationToken cancellationToken)
    {
        if (studio.Status != StudioStatus.Open || studio.Capacity is not { } capacity) return;
        var counts = await memberships.CountAsync(transaction.Connection!, studio.Id, cancellationToken);
        var promotions = Places.Promotions(capacity, (int)counts.ActiveParticipants, (int)counts.Waitlisted);
        if (promotions == 0) return;
        foreach (var next in await memberships.NextOnWaitlistAsync(transaction, studio.Id, promotions, cancellationToken))
        {
            await AdmitAsync(transaction, next, MemberStates.Active, JoinRoutes.Waitlist, tally, cancellationToken);
        }
    }
}
