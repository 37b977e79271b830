using MassTransit;

namespace Studios.Membership.Contracts;

/// <summary>A person's email address, published at registration and whenever it changes. Meant for Notifications only:
/// the other services need names, not contact details, and do not subscribe to it.</summary>
[MessageUrn("studios:membership:person-email-changed:v1")]
public sealed record PersonEmailChanged(
    Guid PersonId,
    string Email,
    DateTimeOffset OccurredAt);
