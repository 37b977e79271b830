using MassTransit;

namespace Studios.Scheduling.Contracts;

/// <summary>A single session moved to another time.</summary>
[MessageUrn("studios:scheduling:session-rescheduled:v1")]
public sealed record SessionRescheduled(
    Guid SessionId,
    Guid StudioId,
    DateTimeOffset PreviousStartsAt,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int Sequence,
    DateTimeOffset OccurredAt);
