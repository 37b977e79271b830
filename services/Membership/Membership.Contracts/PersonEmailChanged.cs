using MassTransit;

namespace Studios.Membership.Contracts;

/// <summary>A person's email address, as releases before email verification published it (at registration and on every
/// change, verified or not). No longer published: <see cref="PersonEmailVerified"/> carries only verified addresses. Kept so
/// events of a previous release still in flight are read; meant for Notifications only.</summary>
[MessageUrn("studios:membership:person-email-changed:v1")]
public sealed record PersonEmailChanged(
    Guid PersonId,
    string Email,
    DateTimeOffset OccurredAt);
