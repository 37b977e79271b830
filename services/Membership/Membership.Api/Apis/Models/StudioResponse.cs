using Studios.Membership.Data;

namespace Studios.Membership.Apis.Models;

/// <summary>A studio as everyone may see it: its policy and size, not who is in it.</summary>
public sealed record StudioResponse(
    Guid Id,
    string? Name,
    string Status,
    string JoinPolicy,
    string? IntakeQuestion,
    int? Capacity,
    string? TimeZone,
    long ActiveParticipants,
    long PlacesLeft,
    long WaitlistLength,
    int Version)
{
    public static StudioResponse From(StudioRow studio, RosterCounts counts) =>
        new(studio.Id, studio.Name, studio.Status, studio.JoinPolicy, studio.IntakeQuestion, studio.Capacity, studio.TimeZone,
            counts.ActiveParticipants, Math.Max(0, (studio.Capacity ?? 0) - counts.ActiveParticipants), counts.Waitlisted,
            studio.Version);
}
