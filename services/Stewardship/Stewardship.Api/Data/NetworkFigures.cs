namespace Studios.Stewardship.Data;

/// <summary>Network-wide figures for the operators' overview.</summary>
public sealed record NetworkFigures(long Memberships, long People, long SessionsHeldLast7Days, long SessionsHeldLast30Days);

/// <summary>An active studio whose recorded health needs attention.</summary>
public sealed record StudioAtRisk(Guid StudioId, string Name, string HealthState, int Score, string Reasons, DateTimeOffset Since);
