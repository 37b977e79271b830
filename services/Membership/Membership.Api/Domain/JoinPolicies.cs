namespace Studios.Membership.Domain;

/// <summary>How people come into a studio, set by its facilitators. Invitations work under every policy.</summary>
public static class JoinPolicies
{
    public const string Open = "open";
    public const string RequestToJoin = "request-to-join";
    public const string InviteOnly = "invite-only";

    /// <summary>What a newly approved studio starts with: nobody joins unseen until a facilitator opens it.</summary>
    public const string Default = RequestToJoin;

    public static readonly IReadOnlyList<string> All = [Open, RequestToJoin, InviteOnly];

    public static bool IsKnown(string? policy) => policy is not null && All.Contains(policy);
}
