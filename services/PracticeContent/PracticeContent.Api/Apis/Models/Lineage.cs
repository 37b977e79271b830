using Studios.PracticeContent.Data;
using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Apis.Models;

public sealed record Lineage(Guid PracticeId, int Version);
