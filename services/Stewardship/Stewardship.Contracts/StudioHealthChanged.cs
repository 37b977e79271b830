using MassTransit;

namespace Studios.Stewardship.Contracts;

/// <summary>A studio's health state changed (thriving, steady, at-risk, dormant), with the reasons.</summary>
[MessageUrn("studios:stewardship:studio-health-changed:v1")]
public sealed record StudioHealthChanged(
    Guid StudioId,
    string? PreviousState,
    string State,
    int Score,
    IReadOnlyList<string> Reasons,
    DateTimeOffset OccurredAt);
