using MassTransit;

namespace Studios.Scheduling.Contracts;

/// <summary>A single session moved to another time. Coming: who had answered going or was on its waitlist then, so they
/// can be told even if their answer reaches a consumer after this event (absent in events published before it was added).</summary>
[MessageUrn("studios:scheduling:session-rescheduled:v1")]
public sealed record SessionRescheduled(
    Guid SessionId,
    Guid StudioId,
    DateTimeOffset PreviousStartsAt,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int Sequence,
    DateTimeOffset OccurredAt,
    IReadOnlyList<Guid>? Coming = null);
