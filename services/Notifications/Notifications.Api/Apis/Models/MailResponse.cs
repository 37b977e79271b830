using Studios.Notifications.Data;

namespace Studios.Notifications.Apis.Models;

/// <summary>A mail as operators see it: never its address or content.</summary>
public sealed record MailResponse(
    Guid Id,
    string Kind,
    Guid? PersonId,
    string Status,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? SentAt)
{
    public static MailResponse From(MailRow row) =>
        new(row.Id, row.Kind, row.PersonId, row.Status, row.Attempts, row.LastError, row.CreatedAt, row.NextAttemptAt, row.SentAt);
}
