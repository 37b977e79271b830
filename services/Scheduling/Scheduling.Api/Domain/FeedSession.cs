namespace Studios.Scheduling.Domain;

/// <summary>A session edited on its own (moved, cancelled, retitled): an override instance of its series in a feed.</summary>
public sealed record FeedSession(
    Guid Id,
    Guid SeriesId,
    DateTimeOffset OriginalStart,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Title,
    string? Location,
    string? OnlineUrl,
    bool Cancelled,
    string? CancelReason,
    int Sequence,
    DateTimeOffset UpdatedAt);
