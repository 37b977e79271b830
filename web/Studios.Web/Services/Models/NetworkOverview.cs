namespace Studios.Web.Services.Models;

/// <summary>The network at a glance (Stewardship): studios per state and health, the ones needing attention.</summary>
public sealed record NetworkOverview(
    IReadOnlyDictionary<string, long> StudiosByState, IReadOnlyDictionary<string, long> HealthByState, long Memberships, long People,
    long SessionsHeldLast7Days, long SessionsHeldLast30Days, IReadOnlyList<StudioAttention> AtRisk, IReadOnlyList<StudioAttention> Dormant);

public sealed record StudioAttention(Guid StudioId, string Name, int Score, IReadOnlyList<string> Reasons, DateTimeOffset Since);
