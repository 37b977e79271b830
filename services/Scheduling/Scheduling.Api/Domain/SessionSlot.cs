namespace Studios.Scheduling.Domain;

/// <summary>One occurrence of a series: when it starts and ends (UTC) and its date in the series' zone.</summary>
public sealed record SessionSlot(DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateOnly LocalDate);
