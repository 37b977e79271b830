namespace Studios.Membership.Contracts;

/// <summary>The roles a member holds in a studio, as they travel in events.</summary>
public static class StudioRoles
{
    public const string Participant = "participant";
    public const string Facilitator = "facilitator";
    public const string CoFacilitator = "co-facilitator";
}
