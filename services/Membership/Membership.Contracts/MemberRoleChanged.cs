using MassTransit;

namespace Studios.Membership.Contracts;

/// <summary>A member's role in a studio changed.</summary>
[MessageUrn("studios:membership:member-role-changed:v1")]
public sealed record MemberRoleChanged(
    Guid StudioId,
    Guid PersonId,
    string PreviousRole,
    string Role,
    Guid ChangedBy,
    DateTimeOffset OccurredAt);
