using MassTransit;

namespace Studios.Stewardship.Contracts;

/// <summary>A paused studio is active again.</summary>
[MessageUrn("studios:stewardship:studio-resumed:v1")]
public sealed record StudioResumed(
    Guid StudioId,
    Guid ResumedBy,
    DateTimeOffset OccurredAt);
