using MassTransit;

namespace Studios.PracticeContent.Contracts;

/// <summary>A studio's session plan was published, pinned to practice versions.</summary>
[MessageUrn("studios:practice-content:session-plan-published:v1")]
public sealed record SessionPlanPublished(
    Guid PlanId,
    Guid StudioId,
    string Title,
    IReadOnlyList<PlannedPractice> Practices,
    int TotalMinutes,
    DateTimeOffset OccurredAt);
