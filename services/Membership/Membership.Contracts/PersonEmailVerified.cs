using MassTransit;

namespace Studios.Membership.Contracts;

/// <summary>A person proved they receive mail at this address (the verification link was opened): from now on it is their
/// address, and no one else's. Read models that key by address (Notifications' recipients) take addresses only from here.</summary>
[MessageUrn("studios:membership:person-email-verified:v1")]
public sealed record PersonEmailVerified(
    Guid PersonId,
    string Email,
    DateTimeOffset OccurredAt);
