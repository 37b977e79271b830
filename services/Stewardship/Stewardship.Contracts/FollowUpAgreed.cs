using MassTransit;

namespace Studios.Stewardship.Contracts;

/// <summary>A steward agreed a follow-up action in a check-in (never the text: only ids and the due date).</summary>
[MessageUrn("studios:stewardship:follow-up-agreed:v1")]
public sealed record FollowUpAgreed(
    Guid FollowUpId,
    Guid StudioId,
    Guid StewardId,
    DateOnly DueOn,
    DateTimeOffset OccurredAt);
