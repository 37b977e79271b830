namespace Studios.Scheduling.Domain;

/// <summary>Why a session was cancelled: resuming a studio restores only what its pause cancelled.</summary>
public static class CancelCause
{
    public const string Facilitator = "facilitator";
    public const string StudioPaused = "studio-paused";
    public const string StudioRetired = "studio-retired";
    public const string SeriesChanged = "series-changed";
}
