using Studios.PracticeContent.Data;
using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Apis;

/// <summary>Body of POST /reflections. Visibility: private (default), studio (needs studioId), network.</summary>
public sealed record CreateReflectionRequest(
    string? Text,
    string? Visibility,
    Guid? StudioId,
    Guid? SessionId,
    Guid? PracticeId,
    int? PracticeVersion);

/// <summary>Body of POST /reflections/{id}/share: widen (or narrow) who may read it.</summary>
public sealed record ShareReflectionRequest(string? Visibility, Guid? StudioId);

public sealed record ReflectionResponse(
    Guid Id,
    Guid AuthorId,
    bool Mine,
    string Visibility,
    Guid? StudioId,
    Guid? SessionId,
    Guid? PracticeId,
    int? PracticeVersion,
    string Text,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SharedAt)
{
    public static ReflectionResponse From(ReflectionRow row, Guid reader) => new(row.ReflectionId, row.AuthorId, row.AuthorId == reader,
        ReflectionRules.Wire(row.VisibilityValue), row.StudioId, row.SessionId, row.PracticeId, row.PracticeVersion, row.Text,
        PracticeViews.Utc(row.CreatedAt), row.SharedAt is { } at ? PracticeViews.Utc(at) : null);
}
