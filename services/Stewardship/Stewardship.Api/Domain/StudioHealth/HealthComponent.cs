namespace Studios.Stewardship.Domain.StudioHealth;

/// <summary>One part of the score: what was measured, the points it earned out of its maximum, and why.</summary>
public sealed record HealthComponent(string Name, int Points, int MaxPoints, string Measure, string Explanation)
{
    /// <summary>Earned less than half its points: worth naming as a reason.</summary>
    public bool IsWeak => Points * 2 < MaxPoints;
}
