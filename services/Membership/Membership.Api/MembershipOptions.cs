namespace Studios.Membership;

/// <summary>Membership settings (section "Membership").</summary>
public sealed class MembershipOptions
{
    public const string Section = "Membership";

    /// <summary>How long an invitation may be accepted.</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How often expired invitations leave the rosters and the waitlist gauge is refreshed.</summary>
    public TimeSpan HousekeepingInterval { get; set; } = TimeSpan.FromMinutes(1);
}
