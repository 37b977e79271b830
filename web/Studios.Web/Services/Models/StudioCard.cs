namespace Studios.Web.Services.Models;

/// <summary>A studio as discovery shows it (Stewardship's search).</summary>
public sealed record StudioCard(
    Guid Id, string Name, string Purpose, string PracticeFocus, string IntendedCadence, string TimeZone,
    Guid FoundingFacilitatorId, int Capacity, int ActiveParticipants, int PlacesLeft, DateTimeOffset? NextSessionAt);
