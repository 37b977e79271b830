namespace Studios.Web.Services.Models;

/// <summary>An invitation to a studio (Membership); the invitee gets its link by mail.</summary>
public sealed record Invitation(Guid Id, Guid StudioId, string? Email, string Role, string Status, DateTimeOffset ExpiresAt);
