namespace Studios.Notifications.Data;

/// <summary>A studio as Stewardship's events describe it, with its last published health. (Properties, not a positional
/// record: Dapper fills text[] columns through setters only.)</summary>
public sealed record StudioRow
{
    public Guid StudioId { get; init; }
    public string? Name { get; init; }
    public string? TimeZone { get; init; }
    public Guid? ProposedBy { get; init; }
    public Guid? FoundingFacilitatorId { get; init; }
    public string? HealthState { get; init; }
    public int? HealthScore { get; init; }
    public string[] HealthReasons { get; init; } = [];
}
