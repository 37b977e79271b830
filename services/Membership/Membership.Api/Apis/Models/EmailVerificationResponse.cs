namespace Studios.Membership.Apis.Models;

/// <summary>An address's verification: when it was verified (a link opened), or when the link just mailed expires.</summary>
public sealed record EmailVerificationResponse(string Email, DateTimeOffset? VerifiedAt, DateTimeOffset? ExpiresAt);
