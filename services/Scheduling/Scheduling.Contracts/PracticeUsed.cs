namespace Studios.Scheduling.Contracts;

/// <summary>A practice version used in a held session.</summary>
public sealed record PracticeUsed(
    Guid PracticeId,
    int Version);
