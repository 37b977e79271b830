namespace Studios.Stewardship.Apis.Models;

/// <summary>The network at a glance for operators and stewards.</summary>
public sealed record NetworkOverviewResponse(
    IReadOnlyDictionary<string, long> StudiosByState,
    IReadOnlyDictionary<string, long> HealthByState,
    long Memberships,
    long People,
    long SessionsHeldLast7Days,
    long SessionsHeldLast30Days,
    IReadOnlyList<StudioAttentionResponse> AtRisk,
    IReadOnlyList<StudioAttentionResponse> Dormant,
    DateTimeOffset At);
