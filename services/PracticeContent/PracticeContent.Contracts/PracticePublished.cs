using MassTransit;

namespace Studios.PracticeContent.Contracts;

/// <summary>A practice version was published (immutable); AdaptedFromPracticeId/Version name its origin when it is an adaptation.</summary>
[MessageUrn("studios:practice-content:practice-published:v1")]
public sealed record PracticePublished(
    Guid PracticeId,
    int Version,
    string Title,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Skills,
    Guid AuthorId,
    Guid? StudioId,
    Guid? AdaptedFromPracticeId,
    int? AdaptedFromVersion,
    DateTimeOffset OccurredAt);
