using Studios.PracticeContent.Data;
using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Apis.Models;

/// <summary>GET /practices/{id}/versions/{n}: one immutable version.</summary>
public sealed record PracticeVersionResponse(
    Guid PracticeId,
    int Version,
    bool IsLatest,
    bool Retired,
    string? AuthorName,
    Guid? StudioId,
    Lineage? AdaptedFrom,
    DateTimeOffset PublishedAt,
    PracticeContentResponse Content,
    UsageResponse Usage);
