namespace Studios.Stewardship.Domain;

/// <summary>Balances load: a studio approved without a named steward goes to the steward with the fewest open studios.</summary>
public static class StewardSelection
{
    /// <summary>The steward with room who holds the fewest studios; ties go to the longest-serving steward, then by id,
    /// so the choice is deterministic. Null when every steward is full (or the pool is empty).</summary>
    public static StewardCandidate? Pick(IEnumerable<StewardCandidate> pool) =>
        pool.Where(candidate => candidate.HasRoom)
            .OrderBy(candidate => candidate.Load)
            .ThenBy(candidate => candidate.AddedAt)
            .ThenBy(candidate => candidate.PersonId)
            .FirstOrDefault();
}
