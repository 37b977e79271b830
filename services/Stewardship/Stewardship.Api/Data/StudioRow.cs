namespace Studios.Stewardship.Data;

/// <summary>A studio as stored, with the stewards assigned to it (column order = constructor order, for Dapper).</summary>
public sealed record StudioRow(
    Guid Id,
    string Name,
    string Purpose,
    string PracticeFocus,
    string IntendedCadence,
    int Capacity,
    string TimeZone,
    Guid FoundingFacilitatorId,
    Guid ProposedBy,
    DateTimeOffset ProposedAt,
    string State,
    string? StateReason,
    Guid? StateChangedBy,
    DateTimeOffset StateChangedAt,
    DateTimeOffset? ActiveSince,
    long Version,
    Guid[] Stewards)
{
    public Domain.StudioState StudioState => Domain.StudioStates.Parse(State);
}
