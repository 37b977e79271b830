using Studios.Scheduling.Data;
using Studios.Scheduling.Domain;

namespace Studios.Scheduling.Apis.Models;

/// <summary>A person's place for a session; WaitlistPosition is 1 for the next in line.</summary>
public sealed record RsvpResult(Guid SessionId, Guid PersonId, RsvpStatus Status, long? WaitlistPosition, bool ViaSeries)
{
    public static RsvpResult From(RsvpRow row) =>
        new(row.SessionId, row.PersonId, Kebab.Parse<RsvpStatus>(row.Status), row.WaitlistPosition, row.ViaSeries);
}
