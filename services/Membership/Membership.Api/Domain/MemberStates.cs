namespace Studios.Membership.Domain;

/// <summary>Where a person stands with a studio. The first four are current: a person has at most one current
/// membership per studio; the others are how a membership ended.</summary>
public static class MemberStates
{
    public const string Requested = "requested";
    public const string Invited = "invited";
    public const string Waitlisted = "waitlisted";
    public const string Active = "active";
    public const string Left = "left";
    public const string Removed = "removed";
    public const string Alumni = "alumni";
    public const string Declined = "declined";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All =
        [Requested, Invited, Waitlisted, Active, Left, Removed, Alumni, Declined, Cancelled];

    public static bool IsCurrent(string state) => state is Requested or Invited or Waitlisted or Active;

    public static bool IsKnown(string? state) => state is not null && All.Contains(state);
}
