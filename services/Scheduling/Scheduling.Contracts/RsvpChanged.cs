using MassTransit;

namespace Studios.Scheduling.Contracts;

/// <summary>A person's answer for a session changed (Status and PreviousStatus: going, waitlisted, not-going; no previous
/// status for a first answer). Waitlisted to going is a promotion to a freed place.</summary>
[MessageUrn("studios:scheduling:rsvp-changed:v1")]
public sealed record RsvpChanged(
    Guid SessionId,
    Guid StudioId,
    Guid PersonId,
    string? PreviousStatus,
    string Status,
    DateTimeOffset OccurredAt);
