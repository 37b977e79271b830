using System.Text.Json.Serialization;
using Studios.Membership.Data;

namespace Studios.Membership.Apis.Models;

/// <summary>An invitation. Token is present only in the response that created it: it is never stored, so it
/// cannot be shown again. Email is null unless the caller is one of the studio's facilitators or an operator.</summary>
public sealed record InvitationResponse(
    Guid Id,
    Guid StudioId,
    string? Email,
    string Role,
    string Status,
    Guid InvitedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? AcceptedAt,
    Guid? AcceptedBy,
    DateTimeOffset? RevokedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Token = null)
{
    public static InvitationResponse From(InvitationRow invitation, DateTimeOffset now, bool showEmail, string? token = null) =>
        new(invitation.Id, invitation.StudioId, showEmail ? invitation.Email : null, invitation.Role, invitation.StatusAt(now),
            invitation.InvitedBy, invitation.CreatedAt, invitation.ExpiresAt, invitation.AcceptedAt,
            invitation.AcceptedBy, invitation.RevokedAt, token);
}
