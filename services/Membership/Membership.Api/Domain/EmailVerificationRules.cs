namespace Studios.Membership.Domain;

/// <summary>What a verification link is worth, and when another verification mail may be sent.</summary>
public static class EmailVerificationRules
{
    public const string Valid = "valid";
    public const string Used = "used";
    public const string Expired = "expired";

    /// <summary>The address is no longer the person's claim: they gave another one, verified it already, or someone else
    /// verified it first.</summary>
    public const string Superseded = "superseded";

    public static string StatusOf(DateTimeOffset? usedAt, DateTimeOffset expiresAt, string linkEmail, string? claimedEmail, DateTimeOffset now) =>
        usedAt is not null ? Used
        : expiresAt <= now ? Expired
        : claimedEmail != linkEmail ? Superseded
        : Valid;

    /// <summary>How long until the verification mail may be sent again; zero when it may go now.</summary>
    public static TimeSpan WaitBeforeMailing(DateTimeOffset lastMailedAt, TimeSpan interval, DateTimeOffset now)
    {
        var wait = lastMailedAt + interval - now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }
}
