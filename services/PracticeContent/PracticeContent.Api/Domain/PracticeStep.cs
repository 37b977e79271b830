namespace Studios.PracticeContent.Domain;

/// <summary>One step of a practice with its time box.</summary>
public sealed record PracticeStep(string Title, string Description, int Minutes);
