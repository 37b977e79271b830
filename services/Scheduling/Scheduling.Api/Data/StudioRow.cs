namespace Studios.Scheduling.Data;

/// <summary>The local read model of a studio, from Stewardship's events.</summary>
public sealed record StudioRow(Guid Id, string? Name, string? TimeZone, int? Capacity, string Status);
