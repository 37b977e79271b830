namespace Studios.Membership.Domain;

/// <summary>A studio's roster status, derived from the lifecycle events Stewardship sent so far.</summary>
public static class StudioStatus
{
    /// <summary>Known only from a pause or retirement that arrived before its approval.</summary>
    public const string Pending = "pending";
    public const string Open = "open";
    public const string Paused = "paused";
    public const string Retired = "retired";

    public static string Of(bool approved, bool paused, bool retired) =>
        retired ? Retired : !approved ? Pending : paused ? Paused : Open;
}
