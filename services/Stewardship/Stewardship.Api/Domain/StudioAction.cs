namespace Studios.Stewardship.Domain;

/// <summary>What a steward may do to a studio's lifecycle.</summary>
public enum StudioAction
{
    Approve,
    Decline,
    Pause,
    Resume,
    Retire,
}
