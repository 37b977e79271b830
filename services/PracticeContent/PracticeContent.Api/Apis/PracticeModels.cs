using Studios.PracticeContent.Data;
using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Apis;

/// <summary>Body of POST /practices and PUT /practices/{id}: the whole draft.</summary>
public sealed record PracticeRequest(
    string? Title,
    string? Intent,
    string? Invitation,
    string? Instructions,
    IReadOnlyList<PracticeStepInput?>? Steps,
    int? MinMinutes,
    int? MaxMinutes,
    int? MinGroupSize,
    int? MaxGroupSize,
    IReadOnlyList<string?>? Skills,
    IReadOnlyList<string?>? Tags,
    bool? InPerson,
    bool? Online,
    string? Licence)
{
    public PracticeInput ToInput() => new(Title, Intent, Invitation, Instructions, Steps, MinMinutes, MaxMinutes,
        MinGroupSize, MaxGroupSize, Skills, Tags, InPerson, Online, Licence);
}

/// <summary>Body of POST /practices/{id}/versions/{n}/adaptations.</summary>
public sealed record AdaptationRequest(Guid? StudioId, string? Title);

/// <summary>Practice content as served: Markdown and any markup inside it are plain JSON strings, never rendered.</summary>
public sealed record PracticeContentResponse(
    string Title,
    string Intent,
    string Invitation,
    string Instructions,
    IReadOnlyList<PracticeStep> Steps,
    int StepMinutes,
    int MinMinutes,
    int MaxMinutes,
    int MinGroupSize,
    int MaxGroupSize,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> Tags,
    bool InPerson,
    bool Online,
    string Licence)
{
    public static PracticeContentResponse From(PracticeDetails content) => new(content.Title, content.Intent, content.Invitation,
        content.Instructions, content.Steps, content.StepMinutes, content.MinMinutes, content.MaxMinutes, content.MinGroupSize,
        content.MaxGroupSize, content.Skills, content.Tags, content.InPerson, content.Online, content.Licence);
}

public sealed record Lineage(Guid PracticeId, int Version);

public sealed record UsageResponse(int TimesPractised, int Studios, long Attendees, DateTimeOffset? LastPractisedAt)
{
    public static UsageResponse From(UsageRow usage) => new(usage.TimesPractised, usage.Studios, usage.Attendees,
        usage.LastPractisedAt is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null);
}

public sealed record VersionSummary(int Version, string Title, DateTimeOffset PublishedAt, UsageResponse Usage);

public sealed record AdaptationSummary(Guid PracticeId, string Title, Guid? StudioId, int? AdaptedFromVersion, int? LatestVersion, bool Retired);

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

/// <summary>One search result.</summary>
public sealed record PracticeSummary(
    Guid Id,
    int Version,
    string Title,
    string Intent,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Skills,
    int MinMinutes,
    int MaxMinutes,
    int MinGroupSize,
    int MaxGroupSize,
    bool InPerson,
    bool Online,
    string? AuthorName,
    Guid? StudioId,
    DateTimeOffset PublishedAt,
    int TimesPractised,
    int Studios,
    float Rank)
{
    public static PracticeSummary From(PracticeHit hit) => new(hit.PracticeId, hit.Version, hit.Title, hit.Intent, hit.Tags, hit.Skills,
        hit.MinMinutes, hit.MaxMinutes, hit.MinGroupSize, hit.MaxGroupSize, hit.InPerson, hit.Online, hit.AuthorName, hit.StudioId,
        new DateTimeOffset(hit.PublishedAt, TimeSpan.Zero), hit.TimesPractised, hit.Studios, hit.Rank);
}
