namespace Studios.Membership.Domain;

/// <summary>How a member became active (MemberJoinedStudio.JoinedVia).</summary>
public static class JoinRoutes
{
    public const string Founding = "founding";
    public const string Open = "open";
    public const string Request = "request";
    public const string Invitation = "invitation";
    public const string Waitlist = "waitlist";
}
