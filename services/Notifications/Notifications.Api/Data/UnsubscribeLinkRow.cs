namespace Studios.Notifications.Data;

/// <summary>Whom an unsubscribe link turns a kind off for: a person, or an address known only by its hash.</summary>
public sealed record UnsubscribeLinkRow(Guid? PersonId, byte[]? AddressHash, string Kind);
