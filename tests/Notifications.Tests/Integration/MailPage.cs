namespace Studios.Notifications.Tests.Integration;

/// <summary>A page of the operator's mail list.</summary>
public sealed record MailPage(List<MailRecord> Items, string? NextCursor);
