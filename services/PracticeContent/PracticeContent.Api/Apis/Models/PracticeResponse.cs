using Studios.PracticeContent.Data;
using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Apis.Models;

/// <summary>GET /practices/{id}: the latest published content for everyone; the draft only for its editors.</summary>
public sealed record PracticeResponse(
    Guid Id,
    PracticeStatus Status,
    string? AuthorName,
    bool AuthorErased,
    Guid? StudioId,
    Lineage? AdaptedFrom,
    int? LatestVersion,
    long Revision,
    PracticeContentResponse? Published,
    PracticeContentResponse? Draft,
    bool? HasUnpublishedChanges,
    IReadOnlyList<VersionSummary> Versions,
    IReadOnlyList<AdaptationSummary> Adaptations,
    UsageResponse Usage,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? RetiredAt);
