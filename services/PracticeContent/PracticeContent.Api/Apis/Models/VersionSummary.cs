using Studios.PracticeContent.Data;
using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Apis.Models;

public sealed record VersionSummary(int Version, string Title, DateTimeOffset PublishedAt, UsageResponse Usage);
