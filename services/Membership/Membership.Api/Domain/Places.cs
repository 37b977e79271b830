namespace Studios.Membership.Domain;

/// <summary>Capacity arithmetic: participants fill places; when none is free a newcomer waits, first come first served.</summary>
public static class Places
{
    public static int Free(int capacity, int activeParticipants) => Math.Max(0, capacity - activeParticipants);

    /// <summary>The state a newcomer in <paramref name="role"/> gets: active while a place is free or the role needs none.</summary>
    public static string Admit(string role, int capacity, int activeParticipants) =>
        !StudioRoleRules.TakesPlace(role) || Free(capacity, activeParticipants) > 0 ? MemberStates.Active : MemberStates.Waitlisted;

    /// <summary>How many people the waitlist may move up now.</summary>
    public static int Promotions(int capacity, int activeParticipants, int waitlisted) =>
        Math.Min(waitlisted, Free(capacity, activeParticipants));
}
