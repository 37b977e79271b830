using MassTransit;

namespace Studios.Membership.Contracts;

/// <summary>A person was erased: every service removes or anonymises what it holds about them.</summary>
[MessageUrn("studios:membership:person-erased:v1")]
public sealed record PersonErased(
    Guid PersonId,
    DateTimeOffset OccurredAt);
