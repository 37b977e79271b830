using Studios.PracticeContent.Data;
using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Apis.Models;

public sealed record AdaptationSummary(Guid PracticeId, string Title, Guid? StudioId, int? AdaptedFromVersion, int? LatestVersion, bool Retired);
