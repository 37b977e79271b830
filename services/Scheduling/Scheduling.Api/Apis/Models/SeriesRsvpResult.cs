using Studios.Scheduling.Domain;

namespace Studios.Scheduling.Apis.Models;

/// <summary>The answer for a whole series and where it left the person in each upcoming session.</summary>
public sealed record SeriesRsvpResult(Guid SeriesId, Guid PersonId, RsvpResponse Response, IReadOnlyList<RsvpResult> Sessions);
