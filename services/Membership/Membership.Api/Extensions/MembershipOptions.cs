using Studios.ServiceDefaults.Options;

namespace Studios.Membership.Extensions;

/// <summary>Membership settings (section "Membership"), checked at start-up.</summary>
public sealed class MembershipOptions
{
    public const string Section = "Membership";

    /// <summary>How long an invitation may be accepted.</summary>
    [Positive]
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long an email verification link works.</summary>
    [Positive]
    public TimeSpan EmailVerificationLifetime { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How long a person waits before the verification mail for the same address is sent again.</summary>
    [Positive]
    public TimeSpan EmailVerificationResendInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often expired invitations leave the rosters and the waitlist gauge is refreshed.</summary>
    [Positive]
    public TimeSpan HousekeepingInterval { get; set; } = TimeSpan.FromMinutes(1);
}
