namespace Studios.Stewardship.Domain;

/// <summary>The lifecycle's legal transitions. Declined and retired are final.</summary>
public static class StudioLifecycle
{
    /// <summary>The state <paramref name="action"/> leads to from <paramref name="current"/>, or null when it is not allowed.</summary>
    public static StudioState? Next(StudioState current, StudioAction action) => (current, action) switch
    {
        (StudioState.Proposed, StudioAction.Approve) => StudioState.Active,
        (StudioState.Proposed, StudioAction.Decline) => StudioState.Declined,
        (StudioState.Active, StudioAction.Pause) => StudioState.Paused,
        (StudioState.Paused, StudioAction.Resume) => StudioState.Active,
        (StudioState.Active or StudioState.Paused, StudioAction.Retire) => StudioState.Retired,
        _ => null,
    };

    public static string Verb(this StudioAction action) => action switch
    {
        StudioAction.Approve => "approve",
        StudioAction.Decline => "decline",
        StudioAction.Pause => "pause",
        StudioAction.Resume => "resume",
        StudioAction.Retire => "retire",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
