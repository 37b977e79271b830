using MassTransit;

namespace Studios.Stewardship.Contracts;

/// <summary>A facilitator or steward proposed a studio; it awaits a steward's review.</summary>
[MessageUrn("studios:stewardship:studio-proposed:v1")]
public sealed record StudioProposed(
    Guid StudioId,
    string Name,
    string Purpose,
    string PracticeFocus,
    string IntendedCadence,
    int Capacity,
    string TimeZone,
    Guid FoundingFacilitatorId,
    Guid ProposedBy,
    DateTimeOffset OccurredAt);
