using MassTransit;

namespace Studios.PracticeContent.Contracts;

/// <summary>A practice was retired: hidden from search, its versions stay readable.</summary>
[MessageUrn("studios:practice-content:practice-retired:v1")]
public sealed record PracticeRetired(
    Guid PracticeId,
    DateTimeOffset OccurredAt);
