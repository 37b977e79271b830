using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Apis;

/// <summary>Body of POST /session-plans: a template, or a studio plan built fresh or copied from a template
/// (templateId; the fields given override the copy).</summary>
public sealed record CreateSessionPlanRequest(
    PlanKind? Kind,
    Guid? StudioId,
    Guid? TemplateId,
    string? Title,
    int? SessionMinutes,
    IReadOnlyList<PlanStepInput?>? Steps);

/// <summary>Body of PUT /session-plans/{id}: the whole plan.</summary>
public sealed record UpdateSessionPlanRequest(string? Title, int? SessionMinutes, IReadOnlyList<PlanStepInput?>? Steps);

public sealed record PlanStepResponse(string Kind, Guid? PracticeId, int? Version, string Title, string Notes, int Minutes);

public sealed record SessionPlanResponse(
    Guid Id,
    PlanKind Kind,
    Guid? StudioId,
    Guid? TemplateId,
    bool AuthorErased,
    string Title,
    int SessionMinutes,
    int TotalMinutes,
    IReadOnlyList<PlanStepResponse> Steps,
    string Status,
    bool HasUnpublishedChanges,
    DateTimeOffset? PublishedAt,
    long Revision,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
