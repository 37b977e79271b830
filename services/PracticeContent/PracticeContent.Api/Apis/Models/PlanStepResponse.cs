using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Apis.Models;

public sealed record PlanStepResponse(string Kind, Guid? PracticeId, int? Version, string Title, string Notes, int Minutes);
