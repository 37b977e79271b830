using Studios.Membership.Domain;

namespace Studios.Membership.Data;

/// <summary>An invitation as stored: the token's hash, never the token.</summary>
public sealed record InvitationRow(
    Guid Id,
    Guid StudioId,
    string? Email,
    string Role,
    Guid InvitedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? AcceptedAt,
    Guid? AcceptedBy,
    DateTimeOffset? RevokedAt)
{
    public string StatusAt(DateTimeOffset now) => InvitationStatus.Of(AcceptedAt, RevokedAt, ExpiresAt, now);
}
