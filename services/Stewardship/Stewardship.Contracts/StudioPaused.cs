using MassTransit;

namespace Studios.Stewardship.Contracts;

/// <summary>An active studio was paused: its future sessions are cancelled.</summary>
[MessageUrn("studios:stewardship:studio-paused:v1")]
public sealed record StudioPaused(
    Guid StudioId,
    string Reason,
    Guid PausedBy,
    DateTimeOffset OccurredAt);
