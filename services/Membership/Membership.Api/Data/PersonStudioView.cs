namespace Studios.Membership.Data;

/// <summary>One of a person's memberships, with the studio it belongs to.</summary>
public sealed record PersonStudioView(
    Guid MembershipId,
    long Seq,
    Guid StudioId,
    string? StudioName,
    DateTime? ApprovedAt,
    bool Paused,
    DateTime? RetiredAt,
    string Role,
    string State,
    string? JoinedVia,
    long? WaitlistPosition,
    DateTime CreatedAt,
    DateTime? JoinedAt,
    DateTime? EndedAt,
    string? EndReason);
