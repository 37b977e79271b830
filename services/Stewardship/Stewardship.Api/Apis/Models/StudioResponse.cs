using Studios.Stewardship.Data;
using Studios.Stewardship.Domain;

namespace Studios.Stewardship.Apis.Models;

public sealed record StudioResponse(
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
    StudioState State,
    string? StateReason,
    DateTimeOffset StateChangedAt,
    IReadOnlyList<Guid> Stewards,
    long Version)
{
    public static StudioResponse From(StudioRow row) => new(row.Id, row.Name, row.Purpose, row.PracticeFocus, row.IntendedCadence,
        row.Capacity, row.TimeZone, row.FoundingFacilitatorId, row.ProposedBy, row.ProposedAt, row.StudioState, row.StateReason,
        row.StateChangedAt, row.Stewards, row.Version);
}
