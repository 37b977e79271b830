namespace Studios.Notifications.Data;

/// <summary>A session as Scheduling's events describe it.</summary>
public sealed record SessionRow(Guid SessionId, Guid StudioId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool Cancelled);
