namespace Studios.Stewardship.Data;

/// <summary>The last health state published for a studio.</summary>
public sealed record RecordedHealth(string State, int Score, DateTimeOffset EvaluatedAt, DateTimeOffset ChangedAt);
