namespace Studios.Stewardship.Data;

/// <summary>A studio as stored, with the stewards assigned to it. Properties rather than a constructor: Npgsql reports
/// uuid[] as System.Array, which Dapper's constructor matching refuses.</summary>
public sealed record StudioRow
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string Purpose { get; init; } = "";
    public string PracticeFocus { get; init; } = "";
    public string IntendedCadence { get; init; } = "";
    public int Capacity { get; init; }
    public string TimeZone { get; init; } = "";
    public Guid FoundingFacilitatorId { get; init; }
    public Guid ProposedBy { get; init; }
    public DateTimeOffset ProposedAt { get; init; }
    public string State { get; init; } = "";
    public string? StateReason { get; init; }
    public Guid? StateChangedBy { get; init; }
    public DateTimeOffset StateChangedAt { get; init; }
    public DateTimeOffset? ActiveSince { get; init; }
    public long Version { get; init; }
    public Guid[] Stewards { get; init; } = [];

    public Domain.StudioState StudioState => Domain.StudioStates.Parse(State);
}
