using MassTransit;

namespace Studios.Membership.Contracts;

/// <summary>A facilitator decided a join request (Decision: approved, declined; State: active, waitlisted, declined).</summary>
[MessageUrn("studios:membership:join-request-decided:v1")]
public sealed record JoinRequestDecided(
    Guid RequestId,
    Guid StudioId,
    Guid PersonId,
    string Decision,
    string State,
    Guid DecidedBy,
    DateTimeOffset OccurredAt);
