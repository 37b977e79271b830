namespace Studios.Membership.Data;

/// <summary>A verification link as stored: the token's hash (the key), never the token.</summary>
public sealed record EmailVerificationRow(Guid PersonId, string Email, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt);
