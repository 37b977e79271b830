namespace Studios.Membership.Data;

/// <summary>What capacity and the last-facilitator rule look at.</summary>
public sealed record RosterCounts(long ActiveParticipants, long ActiveFacilitators, long Waitlisted);
