using MassTransit;

namespace Studios.Membership.Contracts;

/// <summary>A facilitator invited someone by email (Role: participant, co-facilitator). Carries the one-time token so the
/// invitee can be sent the accept link; InviteeId is set when the address belongs to a registered person.</summary>
[MessageUrn("studios:membership:invitation-issued:v1")]
public sealed record InvitationIssued(
    Guid InvitationId,
    Guid StudioId,
    string Email,
    Guid? InviteeId,
    string Role,
    Guid InvitedBy,
    string Token,
    DateTimeOffset ExpiresAt,
    DateTimeOffset OccurredAt);
