namespace Studios.Notifications.Data;

/// <summary>Where a page of mails continues: the last one's creation time and id.</summary>
public sealed record MailCursor(DateTimeOffset CreatedAt, Guid Id);
