namespace Studios.Notifications.Data;

/// <summary>A mail to send once: <paramref name="DedupeKey"/> names its event, recipient and kind.</summary>
public sealed record NewMail(
    Guid Id,
    string DedupeKey,
    string Kind,
    Guid? PersonId,
    string? Address,
    string Facts,
    string UnsubscribeToken,
    DateTimeOffset? DueAt,
    DateTimeOffset CreatedAt);
