using Studios.ServiceDefaults.Input;
namespace Studios.PracticeContent.Domain;

/// <summary>A step of a session plan: a pinned practice version (PracticeId + Version, never "latest") or a free-form
/// step (Title), each with its time box.</summary>
public sealed record PlanStep(Guid? PracticeId, int? Version, string Title, string Notes, int Minutes)
{
    public bool IsPractice => PracticeId is not null;
}

public sealed record PlanStepInput(Guid? PracticeId, int? Version, string? Title, [property: Multiline] string? Notes, int? Minutes);
