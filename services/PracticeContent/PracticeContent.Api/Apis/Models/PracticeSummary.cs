using Studios.PracticeContent.Data;
using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Apis.Models;

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
