using MassTransit;

namespace Studios.Membership.Contracts;

/// <summary>A person asked to join a studio whose policy is request-to-join; its facilitators decide.</summary>
[MessageUrn("studios:membership:join-requested:v1")]
public sealed record JoinRequested(
    Guid RequestId,
    Guid StudioId,
    Guid PersonId,
    DateTimeOffset OccurredAt);
