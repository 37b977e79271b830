using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Apis.Models;

/// <summary>Body of POST /session-plans: a template, or a studio plan built fresh or copied from a template
/// (templateId; the fields given override the copy).</summary>
public sealed record CreateSessionPlanRequest(
    PlanKind? Kind,
    Guid? StudioId,
    Guid? TemplateId,
    string? Title,
    int? SessionMinutes,
    IReadOnlyList<PlanStepInput?>? Steps);
