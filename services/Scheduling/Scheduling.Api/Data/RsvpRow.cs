namespace Studios.Scheduling.Data;

/// <summary>A person's answer for a session; WaitlistPosition is 1-based while waitlisted.</summary>
public sealed record RsvpRow(Guid SessionId, Guid PersonId, string Status, bool ViaSeries, DateTime RespondedAt, long? WaitlistPosition);
