namespace Studios.Stewardship.Data;

/// <summary>An active studio whose recorded health needs attention.</summary>
public sealed record StudioAtRisk(Guid StudioId, string Name, string HealthState, int Score, string Reasons, DateTimeOffset Since);
