using Studios.Stewardship.Data;
using Studios.Stewardship.Domain;
using Studios.Stewardship.Domain.StudioHealth;

namespace Studios.Stewardship.Apis.Models;

/// <summary>A studio a steward supports; AssignedBy is null when it was assigned automatically on approval.</summary>
public sealed record StewardStudioResponse(
    Guid StudioId,
    string Name,
    StudioState State,
    HealthState? Health,
    int? HealthScore,
    Guid? AssignedBy,
    DateTimeOffset AssignedAt)
{
    public static StewardStudioResponse From(StewardStudioRow row) => new(row.StudioId, row.Name, StudioStates.Parse(row.State),
        row.HealthState is null ? null : HealthStates.Parse(row.HealthState), row.HealthScore, row.AssignedBy, row.AssignedAt);
}
