namespace Studios.Stewardship.Data;

/// <summary>A steward in the pool with their current load: the open (proposed, active, paused) studios they support.</summary>
public sealed record StewardRow(
    Guid PersonId,
    string? DisplayName,
    int MaxStudios,
    int Load,
    Guid AddedBy,
    DateTimeOffset AddedAt,
    long Version);
