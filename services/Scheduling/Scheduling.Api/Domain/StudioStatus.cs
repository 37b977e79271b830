namespace Studios.Scheduling.Domain;

/// <summary>A studio's lifecycle as Stewardship announces it; sessions are scheduled only while active.</summary>
public static class StudioStatus
{
    public const string Active = "active";
    public const string Paused = "paused";
    public const string Retired = "retired";
}
