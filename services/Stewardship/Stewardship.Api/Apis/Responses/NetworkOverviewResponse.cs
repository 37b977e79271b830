namespace Studios.Stewardship.Apis.Responses;

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

/// <summary>An active studio needing attention, with the reasons published with its state.</summary>
public sealed record StudioAttentionResponse(Guid StudioId, string Name, int Score, IReadOnlyList<string> Reasons, DateTimeOffset Since);
