using Studios.Stewardship.Data;
using Studios.Stewardship.Domain;

namespace Studios.Stewardship.Features;

/// <summary>Assigns stewards under the assignment lock, so a steward's capacity and the "fewest open studios" choice
/// hold when many approvals and assignments run at once (in one instance or several).</summary>
public sealed class StewardAssigner(StewardRepository stewards)
{
    public async Task<AssignOutcome> AssignAsync(NpgsqlTransaction transaction, Guid studioId, Guid stewardId, Guid? assignedBy,
        DateTimeOffset at, CancellationToken ct)
    {
        await stewards.LockAssignmentsAsync(transaction, ct);
        var steward = await stewards.GetAsync(transaction.Connection!, stewardId, ct, transaction);
        if (steward is null) return AssignOutcome.NotInPool;
        if (await stewards.IsAssignedAsync(transaction.Connection!, studioId, stewardId, ct, transaction)) return AssignOutcome.AlreadyAssigned;
        if (steward.Load >= steward.MaxStudios) return AssignOutcome.Full;
        await stewards.AssignAsync(transaction, studioId, stewardId, assignedBy, at, ct);
        return AssignOutcome.Assigned;
    }

    /// <summary>Assigns the steward with room who holds the fewest open studios; null when nobody has room.</summary>
    public async Task<Guid?> AssignLeastLoadedAsync(NpgsqlTransaction transaction, Guid studioId, DateTimeOffset at, CancellationToken ct)
    {
        await stewards.LockAssignmentsAsync(transaction, ct);
        var chosen = StewardSelection.Pick(await stewards.CandidatesAsync(transaction, ct));
        if (chosen is null) return null;
        await stewards.AssignAsync(transaction, studioId, chosen.PersonId, assignedBy: null, at, ct);
        return chosen.PersonId;
    }
}
