namespace Studios.Stewardship.Data;

/// <summary>An active studio as a discovery card shows it; ActiveParticipants comes from Membership's events
/// (studio_members), NextSessionAt from Scheduling's (studio_sessions).</summary>
public sealed record StudioCardRow(
    Guid Id, string Name, string Purpose, string PracticeFocus, string IntendedCadence, int Capacity, string TimeZone,
    Guid FoundingFacilitatorId, int ActiveParticipants, DateTimeOffset? NextSessionAt);
