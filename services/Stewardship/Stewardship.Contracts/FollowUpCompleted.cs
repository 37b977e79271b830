using MassTransit;

namespace Studios.Stewardship.Contracts;

/// <summary>A steward marked a follow-up done.</summary>
[MessageUrn("studios:stewardship:follow-up-completed:v1")]
public sealed record FollowUpCompleted(
    Guid FollowUpId,
    Guid StudioId,
    Guid StewardId,
    DateTimeOffset OccurredAt);
