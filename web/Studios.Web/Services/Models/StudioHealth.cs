namespace Studios.Web.Services.Models;

/// <summary>A studio's health evaluated now: state, score, each component explained, the reasons (Stewardship).</summary>
public sealed record StudioHealth(Guid StudioId, string State, int Score, IReadOnlyList<HealthComponent> Components,
    IReadOnlyList<string> Reasons, DateTimeOffset EvaluatedAt);

/// <summary>One part of a health score: what was measured, the points earned of the maximum, and why.</summary>
public sealed record HealthComponent(string Name, int Points, int MaxPoints, string Measure, string Explanation);
