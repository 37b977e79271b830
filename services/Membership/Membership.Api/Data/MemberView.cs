namespace Studios.Membership.Data;

/// <summary>A roster line: the membership with the person's name and contact, and its place in the waitlist.</summary>
public sealed record MemberView(
    Guid MembershipId,
    long Seq,
    Guid StudioId,
    Guid PersonId,
    string? DisplayName,
    string? Email,
    string Role,
    string State,
    string? JoinedVia,
    string? IntakeAnswer,
    long? WaitlistPosition,
    DateTimeOffset CreatedAt,
    DateTimeOffset? JoinedAt,
    DateTimeOffset? EndedAt,
    string? EndReason);
