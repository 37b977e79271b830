namespace Studios.Membership.Data;

/// <summary>One time a person came to a studio, from request, invitation or join until it ended.</summary>
public sealed record MembershipRow(
    Guid Id,
    Guid StudioId,
    Guid PersonId,
    string Role,
    string State,
    string? JoinedVia,
    string? IntakeAnswer,
    Guid? InvitationId,
    long? WaitlistedSeq,
    DateTimeOffset CreatedAt,
    DateTimeOffset? JoinedAt,
    DateTimeOffset? EndedAt,
    string? EndReason,
    Guid? DecidedBy,
    int Version,
    DateTimeOffset UpdatedAt)
{
    public static MembershipRow New(Guid studioId, Guid personId, string role, string state, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), studioId, personId, role, state, null, null, null, null,
            now, null, null, null, null, 0, now);
}
