namespace Studios.Stewardship.Data;

/// <summary>A proposal to store: trimmed and validated already.</summary>
public sealed record NewStudio(
    Guid Id,
    string Name,
    string Purpose,
    string PracticeFocus,
    string IntendedCadence,
    int Capacity,
    string TimeZone,
    Guid FoundingFacilitatorId,
    Guid ProposedBy,
    DateTimeOffset ProposedAt);
