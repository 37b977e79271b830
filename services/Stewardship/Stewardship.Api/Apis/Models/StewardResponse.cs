using Studios.Stewardship.Data;

namespace Studios.Stewardship.Apis.Models;

/// <summary>A steward in the pool; Load is the open (proposed, active, paused) studios they support.</summary>
public sealed record StewardResponse(Guid PersonId, string? DisplayName, int MaxStudios, int Load, DateTimeOffset AddedAt, long Version)
{
    public static StewardResponse From(StewardRow row) =>
        new(row.PersonId, row.DisplayName, row.MaxStudios, row.Load, row.AddedAt, row.Version);
}
