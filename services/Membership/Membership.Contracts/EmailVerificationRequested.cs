using MassTransit;

namespace Studios.Membership.Contracts;

/// <summary>A person gave an address that is not verified yet (at registration, on a change, or asking again): Notifications
/// mails it the verification link. Carries the one-time token for that link; the address counts only once it is verified
/// (<see cref="PersonEmailVerified"/>).</summary>
[MessageUrn("studios:membership:email-verification-requested:v1")]
public sealed record EmailVerificationRequested(
    Guid PersonId,
    string Email,
    string Token,
    DateTimeOffset ExpiresAt,
    DateTimeOffset OccurredAt);
