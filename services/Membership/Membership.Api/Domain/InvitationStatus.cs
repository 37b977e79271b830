namespace Studios.Membership.Domain;

/// <summary>An invitation is pending until it is accepted, revoked or expires; only a pending one may be accepted.</summary>
public static class InvitationStatus
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Revoked = "revoked";
    public const string Expired = "expired";

    public static string Of(DateTimeOffset? acceptedAt, DateTimeOffset? revokedAt, DateTimeOffset expiresAt, DateTimeOffset now) =>
        acceptedAt is not null ? Accepted
        : revokedAt is not null ? Revoked
        : expiresAt <= now ? Expired
        : Pending;
}
