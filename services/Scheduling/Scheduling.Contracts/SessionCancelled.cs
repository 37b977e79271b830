using MassTransit;

namespace Studios.Scheduling.Contracts;

/// <summary>A session was cancelled.</summary>
[MessageUrn("studios:scheduling:session-cancelled:v1")]
public sealed record SessionCancelled(
    Guid SessionId,
    Guid StudioId,
    DateTimeOffset StartsAt,
    string Reason,
    DateTimeOffset OccurredAt);
