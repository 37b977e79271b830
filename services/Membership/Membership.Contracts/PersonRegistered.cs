using MassTransit;

namespace Studios.Membership.Contracts;

/// <summary>A person registered. Carries no email: other services need names, not contact details.</summary>
[MessageUrn("studios:membership:person-registered:v1")]
public sealed record PersonRegistered(
    Guid PersonId,
    string DisplayName,
    string TimeZone,
    string Locale,
    DateTimeOffset OccurredAt);
