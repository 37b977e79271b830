namespace Studios.Membership.Domain;

/// <summary>Why a membership ended. The first four are MemberLeftStudio reasons (an active member left);
/// the others end a request, invitation or waitlist place, which publishes nothing.</summary>
public static class EndReasons
{
    public const string Left = "left";
    public const string Removed = "removed";
    public const string Erased = "erased";
    public const string StudioRetired = "studio-retired";
    public const string Declined = "declined";
    public const string InvitationRevoked = "invitation-revoked";
    public const string InvitationExpired = "invitation-expired";
    public const string EmailChanged = "email-changed";
}
