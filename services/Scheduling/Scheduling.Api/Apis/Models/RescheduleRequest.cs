namespace Studios.Scheduling.Apis.Models;

/// <summary>Moves one session: a new start instant (with offset) and optionally a new length.</summary>
public sealed record RescheduleRequest(DateTimeOffset? StartsAt, int? DurationMinutes);
