using MassTransit;

namespace Studios.Scheduling.Contracts;

/// <summary>A session was cancelled (Cause: facilitator, studio-paused, studio-retired, series-changed; absent in events
/// published before it was added).</summary>
[MessageUrn("studios:scheduling:session-cancelled:v1")]
public sealed record SessionCancelled(
    Guid SessionId,
    Guid StudioId,
    DateTimeOffset StartsAt,
    string Reason,
    DateTimeOffset OccurredAt,
    string? Cause = null);
