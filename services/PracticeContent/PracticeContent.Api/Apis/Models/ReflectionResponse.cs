using Studios.PracticeContent.Data;
using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Apis.Models;

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
        DapperTimestamps.Utc(row.CreatedAt), row.SharedAt is { } at ? DapperTimestamps.Utc(at) : null);
}
