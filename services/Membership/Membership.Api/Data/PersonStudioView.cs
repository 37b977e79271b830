namespace Studios.Membership.Data;

/// <summary>One of a person's memberships, with the studio it belongs to.</summary>
public sealed record PersonStudioView(
    Guid MembershipId,
    long Seq,
    Guid StudioId,
    string? StudioName,
    DateTimeOffset? ApprovedAt,
    bool Paused,
    DateTimeOffset? RetiredAt,
    string Role,
    string State,
    string? JoinedVia,
    long? WaitlistPosition,
    DateTimeOffset CreatedAt,
    DateTimeOffset? JoinedAt,
    DateTimeOffset? EndedAt,
    string? EndReason);
