namespace Studios.Stewardship.Apis.Models;

/// <summary>The network at a glance for operators and stewards. Memberships, people and sessions held are counted
/// periodically (as of <c>FiguresAt</c>, at most the counts refresh interval old); the rest is as of <c>At</c>.</summary>
public sealed record NetworkOverviewResponse(
    IReadOnlyDictionary<string, long> StudiosByState,
    IReadOnlyDictionary<string, long> HealthByState,
    long Memberships,
    long People,
    long SessionsHeldLast7Days,
    long SessionsHeldLast30Days,
    DateTimeOffset FiguresAt,
    IReadOnlyList<StudioAttentionResponse> AtRisk,
    IReadOnlyList<StudioAttentionResponse> Dormant,
    DateTimeOffset At);
