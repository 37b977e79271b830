namespace Studios.Scheduling.Data;

/// <summary>Keyset position in a list of sessions ordered by start.</summary>
public sealed record SessionKey(DateTimeOffset StartsAt, Guid Id);
