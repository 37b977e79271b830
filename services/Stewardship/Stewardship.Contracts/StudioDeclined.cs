using MassTransit;

namespace Studios.Stewardship.Contracts;

/// <summary>A steward declined a proposed studio.</summary>
[MessageUrn("studios:stewardship:studio-declined:v1")]
public sealed record StudioDeclined(
    Guid StudioId,
    string Reason,
    Guid DeclinedBy,
    DateTimeOffset OccurredAt);
