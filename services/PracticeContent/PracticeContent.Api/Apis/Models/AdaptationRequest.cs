using Studios.PracticeContent.Data;
using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Apis.Models;

/// <summary>Body of POST /practices/{id}/versions/{n}/adaptations.</summary>
public sealed record AdaptationRequest(Guid? StudioId, string? Title);
