using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Apis.Models;

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
