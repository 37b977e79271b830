using Studios.PracticeContent.Data;
using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Apis.Models;

public sealed record UsageResponse(int TimesPractised, int Studios, long Attendees, DateTimeOffset? LastPractisedAt)
{
    public static UsageResponse From(UsageRow usage) => new(usage.TimesPractised, usage.Studios, usage.Attendees,
        usage.LastPractisedAt is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null);
}
