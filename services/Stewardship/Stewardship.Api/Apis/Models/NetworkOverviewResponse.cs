namespace Studios.Stewardship.Apis.Models;

/// <summary>The network at a glance for operators and stewards. The counts (studios per state, memberships, people,
/// sessions held) are taken periodically and soon after a lifecycle change or a sweep that changed a health state (as of <c>FiguresAt</c>, at most
/// the counts refresh interval old); the at-risk and dormant lists are as of <c>At</c>.</summary>
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
