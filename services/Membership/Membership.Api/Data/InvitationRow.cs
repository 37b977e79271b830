using Studios.Membership.Domain;

namespace Studios.Membership.Data;

/// <summary>An invitation as stored: the token's hash, never the token.</summary>
public sealed record InvitationRow(
    Guid Id,
    Guid StudioId,
    string? Email,
    string Role,
    Guid InvitedBy,
    DateTime CreatedAt,
    DateTime ExpiresAt,
    DateTime? AcceptedAt,
    Guid? AcceptedBy,
    DateTime? RevokedAt)
{
    public string StatusAt(DateTimeOffset now) => InvitationStatus.Of(AcceptedAt, RevokedAt, ExpiresAt, now);
}
