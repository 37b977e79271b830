using MassTransit;

namespace Studios.PracticeContent.Contracts;

/// <summary>A participant shared a reflection with their studio or the network (never the text: only ids and visibility).</summary>
[MessageUrn("studios:practice-content:reflection-shared:v1")]
public sealed record ReflectionShared(
    Guid ReflectionId,
    Guid PersonId,
    Guid? StudioId,
    Guid? SessionId,
    Guid? PracticeId,
    string Visibility,
    DateTimeOffset OccurredAt);
