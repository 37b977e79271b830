using MassTransit;

namespace Studios.Scheduling.Contracts;

/// <summary>A session was cancelled (Cause: facilitator, studio-paused, studio-retired, series-changed). Coming: who had
/// answered going or was on its waitlist then, so they can be told even if their answer reaches a consumer after this
/// event. Both are absent in events published before they were added.</summary>
[MessageUrn("studios:scheduling:session-cancelled:v1")]
public sealed record SessionCancelled(
    Guid SessionId,
    Guid StudioId,
    DateTimeOffset StartsAt,
    string Reason,
    DateTimeOffset OccurredAt,
    string? Cause = null,
    IReadOnlyList<Guid>? Coming = null);
