using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Apis.Models;

/// <summary>Body of PUT /session-plans/{id}: the whole plan.</summary>
public sealed record UpdateSessionPlanRequest(string? Title, int? SessionMinutes, IReadOnlyList<PlanStepInput?>? Steps);
