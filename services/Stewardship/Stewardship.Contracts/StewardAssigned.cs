using MassTransit;

namespace Studios.Stewardship.Contracts;

/// <summary>A steward now supports a studio.</summary>
[MessageUrn("studios:stewardship:steward-assigned:v1")]
public sealed record StewardAssigned(
    Guid StudioId,
    Guid StewardId,
    Guid? AssignedBy,
    DateTimeOffset OccurredAt);
