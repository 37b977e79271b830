using MassTransit;

namespace Studios.Membership.Contracts;

/// <summary>An active member left a studio (Reason: left, removed, erased, studio-retired).</summary>
[MessageUrn("studios:membership:member-left-studio:v1")]
public sealed record MemberLeftStudio(
    Guid StudioId,
    Guid PersonId,
    string Role,
    string Reason,
    DateTimeOffset OccurredAt);
