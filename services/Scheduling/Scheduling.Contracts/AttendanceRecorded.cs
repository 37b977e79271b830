using MassTransit;

namespace Studios.Scheduling.Contracts;

/// <summary>A person's attendance at a session (Status: present, late, excused, absent). A correction is published again with the same SessionId and PersonId: consumers upsert.</summary>
[MessageUrn("studios:scheduling:attendance-recorded:v1")]
public sealed record AttendanceRecorded(
    Guid SessionId,
    Guid StudioId,
    Guid PersonId,
    string Status,
    DateTimeOffset SessionStartsAt,
    DateTimeOffset OccurredAt);
