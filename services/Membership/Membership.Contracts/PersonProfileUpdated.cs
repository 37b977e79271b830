using MassTransit;

namespace Studios.Membership.Contracts;

/// <summary>A person changed their display name, time zone or locale.</summary>
[MessageUrn("studios:membership:person-profile-updated:v1")]
public sealed record PersonProfileUpdated(
    Guid PersonId,
    string DisplayName,
    string TimeZone,
    string Locale,
    DateTimeOffset OccurredAt);
