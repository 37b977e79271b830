namespace Studios.Web.Services.Models;

/// <summary>A studio as Membership sees it: its join policy, intake question, places and waitlist.</summary>
public sealed record Roster(Guid Id, string? Name, string Status, string JoinPolicy, string? IntakeQuestion, int? Capacity,
    long ActiveParticipants, long PlacesLeft, long WaitlistLength, string? TimeZone = null);
