using MassTransit;

namespace Studios.Stewardship.Contracts;

/// <summary>A steward no longer supports a studio.</summary>
[MessageUrn("studios:stewardship:steward-unassigned:v1")]
public sealed record StewardUnassigned(
    Guid StudioId,
    Guid StewardId,
    Guid UnassignedBy,
    DateTimeOffset OccurredAt);
