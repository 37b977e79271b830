using MassTransit;

namespace Studios.Membership.Contracts;

/// <summary>A person became an active member of a studio (Role: participant, facilitator, co-facilitator; JoinedVia: founding, open, request, invitation, waitlist).</summary>
[MessageUrn("studios:membership:member-joined-studio:v1")]
public sealed record MemberJoinedStudio(
    Guid StudioId,
    Guid PersonId,
    string Role,
    string JoinedVia,
    DateTimeOffset OccurredAt);
