namespace Studios.Scheduling.Domain;

/// <summary>A series as a calendar feed shows it: the recurring VEVENT.</summary>
public sealed record FeedSeries(
    Guid Id,
    string Title,
    SeriesSchedule Schedule,
    string? Location,
    string? OnlineUrl,
    int Sequence,
    DateTimeOffset UpdatedAt);
