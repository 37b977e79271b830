using Studios.PracticeContent.Data;
using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Apis.Models;

/// <summary>Body of POST /reflections/{id}/share: widen (or narrow) who may read it.</summary>
public sealed record ShareReflectionRequest(string? Visibility, Guid? StudioId);
