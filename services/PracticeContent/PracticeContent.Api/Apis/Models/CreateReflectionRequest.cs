using Studios.ServiceDefaults.Input;
using Studios.PracticeContent.Data;
using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Apis.Models;

/// <summary>Body of POST /reflections. Visibility: private (default), studio (needs studioId), network.</summary>
public sealed record CreateReflectionRequest(
    [property: Multiline] string? Text,
    string? Visibility,
    Guid? StudioId,
    Guid? SessionId,
    Guid? PracticeId,
    int? PracticeVersion);
