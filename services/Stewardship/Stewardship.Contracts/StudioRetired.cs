using MassTransit;

namespace Studios.Stewardship.Contracts;

/// <summary>A studio was retired (final): its roster closes and future sessions are cancelled.</summary>
[MessageUrn("studios:stewardship:studio-retired:v1")]
public sealed record StudioRetired(
    Guid StudioId,
    string? Reason,
    Guid RetiredBy,
    DateTimeOffset OccurredAt);
