namespace Studios.Notifications.Data;

/// <summary>A mail as stored: <see cref="Facts"/> (JSON), the address and the token are gone once it is sent.</summary>
public sealed record MailRow(
    Guid Id,
    string Kind,
    Guid? PersonId,
    string? Address,
    string? Facts,
    string? UnsubscribeToken,
    string Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    DateTimeOffset? DueAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt);
