namespace Studios.PracticeContent.Contracts;

/// <summary>A practice version pinned in a session plan, with its time box.</summary>
public sealed record PlannedPractice(
    Guid PracticeId,
    int Version,
    int Minutes);
