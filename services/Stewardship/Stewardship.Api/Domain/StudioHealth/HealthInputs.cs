namespace Studios.Stewardship.Domain.StudioHealth;

/// <summary>The facts about one studio the health rules score, as the read model holds them at the time of evaluation.</summary>
public sealed record HealthInputs
{
    /// <summary>When the studio was approved or last resumed: a new studio gets time before it can be dormant.</summary>
    public required DateTimeOffset ActiveSince { get; init; }

    public int ActiveMembers { get; init; }
    public int ActiveFacilitators { get; init; }
    public int JoinsLast90Days { get; init; }
    public int LeavesLast90Days { get; init; }

    /// <summary>The last (at most <see cref="HealthRules.RecentSessionCount"/>) held sessions, newest first.</summary>
    public IReadOnlyList<HeldSession> RecentHeldSessions { get; init; } = [];

    /// <summary>Sessions of the last 90 days that took place.</summary>
    public int SessionsHeldLast90Days { get; init; }

    /// <summary>Sessions of the last 90 days that should have taken place by now: held, cancelled, or past without being held.</summary>
    public int SessionsDueLast90Days { get; init; }

    /// <summary>Members who came to at least three of the last 90 days' sessions.</summary>
    public int CoreMembers { get; init; }

    /// <summary>People whose first session here was in the last 90 days, and how many of them came back for another.</summary>
    public int Newcomers { get; init; }
    public int NewcomersReturned { get; init; }

    public int ReflectionsLast30Days { get; init; }
    public DateTimeOffset? LastSessionHeldAt { get; init; }
}
