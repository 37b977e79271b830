using MassTransit;

namespace Studios.Stewardship.Contracts;

/// <summary>A steward approved a studio: its roster opens and sessions may be scheduled.</summary>
[MessageUrn("studios:stewardship:studio-approved:v1")]
public sealed record StudioApproved(
    Guid StudioId,
    string Name,
    Guid FoundingFacilitatorId,
    int Capacity,
    string TimeZone,
    Guid ApprovedBy,
    Guid? StewardId,
    DateTimeOffset OccurredAt);
