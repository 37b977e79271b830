using Studios.Stewardship.Data;

namespace Studios.Stewardship.Apis.Models;

/// <summary>What a discovery card shows: the studio, its places left (capacity less active participants, never below 0)
/// and its next session.</summary>
public sealed record StudioCardResponse(
    Guid Id, string Name, string Purpose, string PracticeFocus, string IntendedCadence, string TimeZone,
    Guid FoundingFacilitatorId, int Capacity, int ActiveParticipants, int PlacesLeft, DateTimeOffset? NextSessionAt)
{
    public static StudioCardResponse From(StudioCardRow row) => new(row.Id, row.Name, row.Purpose, row.PracticeFocus,
        row.IntendedCadence, row.TimeZone, row.FoundingFacilitatorId, row.Capacity, row.ActiveParticipants,
        Math.Max(0, row.Capacity - row.ActiveParticipants), row.NextSessionAt);
}
