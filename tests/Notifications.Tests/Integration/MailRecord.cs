namespace Studios.Notifications.Tests.Integration;

/// <summary>A mail as the operator endpoints show it.</summary>
public sealed record MailRecord(Guid Id, string Kind, Guid? PersonId, string Status, int Attempts, string? LastError);
