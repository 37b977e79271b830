using MassTransit;

namespace Studios.Scheduling.Contracts;

/// <summary>A session took place, with its counts and the practices used. A correction is published again with the same SessionId: consumers replace, never add.</summary>
[MessageUrn("studios:scheduling:session-held:v1")]
public sealed record SessionHeld(
    Guid SessionId,
    Guid StudioId,
    DateTimeOffset StartsAt,
    int Present,
    int Late,
    int Excused,
    int Absent,
    Guid? SessionPlanId,
    IReadOnlyList<PracticeUsed> PracticesUsed,
    DateTimeOffset OccurredAt);
