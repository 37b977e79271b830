using MassTransit;

namespace Studios.Scheduling.Contracts;

/// <summary>A session was added to a studio's calendar (one occurrence of a series, in UTC with the studio's zone).</summary>
[MessageUrn("studios:scheduling:session-scheduled:v1")]
public sealed record SessionScheduled(
    Guid SessionId,
    Guid StudioId,
    Guid? SeriesId,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string TimeZone,
    Guid? FacilitatorId,
    int Capacity,
    DateTimeOffset OccurredAt);
