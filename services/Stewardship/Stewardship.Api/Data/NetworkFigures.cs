namespace Studios.Stewardship.Data;

/// <summary>Network-wide figures for the operators' overview.</summary>
public sealed record NetworkFigures(long Memberships, long People, long SessionsHeldLast7Days, long SessionsHeldLast30Days);
