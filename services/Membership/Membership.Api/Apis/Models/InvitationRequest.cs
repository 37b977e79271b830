namespace Studios.Membership.Apis.Models;

/// <summary>Whom to invite, and as what (participant by default, or co-facilitator).</summary>
public sealed record InvitationRequest(string? Email, string? Role);
