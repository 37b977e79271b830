namespace Studios.Stewardship.Domain;

/// <summary>A steward in the pool as the automatic assignment sees them: how many open studios they hold and may hold.</summary>
public sealed record StewardCandidate(Guid PersonId, int Load, int MaxStudios, DateTimeOffset AddedAt)
{
    public bool HasRoom => Load < MaxStudios;
}
