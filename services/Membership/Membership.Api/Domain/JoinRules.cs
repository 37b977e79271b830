using Studios.Membership.Contracts;

namespace Studios.Membership.Domain;

public enum JoinRefusal
{
    None,
    StudioNotOpen,
    AlreadyMember,
    InviteOnly,
}

/// <summary>The state a join ends in (active, waitlisted, requested), or why it is refused.</summary>
public sealed record JoinDecision(string? State, string? JoinedVia, JoinRefusal Refusal)
{
    public static JoinDecision Refused(JoinRefusal refusal) => new(null, null, refusal);
}

/// <summary>Who may come into a studio, and how, under each join policy.</summary>
public static class JoinRules
{
    /// <summary>A person asks to join; <paramref name="currentState"/> is their current membership, if any.
    /// A pending invitation does not stop someone joining the usual way.</summary>
    public static JoinDecision Join(string studioStatus, string policy, string? currentState, int capacity, int activeParticipants)
    {
        if (studioStatus != StudioStatus.Open) return JoinDecision.Refused(JoinRefusal.StudioNotOpen);
        if (currentState is MemberStates.Requested or MemberStates.Waitlisted or MemberStates.Active)
            return JoinDecision.Refused(JoinRefusal.AlreadyMember);
        return policy switch
        {
            JoinPolicies.InviteOnly => JoinDecision.Refused(JoinRefusal.InviteOnly),
            JoinPolicies.RequestToJoin => new JoinDecision(MemberStates.Requested, JoinRoutes.Request, JoinRefusal.None),
            _ => new JoinDecision(Places.Admit(StudioRoles.Participant, capacity, activeParticipants), JoinRoutes.Open, JoinRefusal.None),
        };
    }

    /// <summary>A facilitator approves a request: the requester takes a place or waits for one.</summary>
    public static JoinDecision Approve(string studioStatus, string requestState, int capacity, int activeParticipants)
    {
        if (studioStatus != StudioStatus.Open) return JoinDecision.Refused(JoinRefusal.StudioNotOpen);
        if (requestState != MemberStates.Requested) return JoinDecision.Refused(JoinRefusal.AlreadyMember);
        return new JoinDecision(Places.Admit(StudioRoles.Participant, capacity, activeParticipants), JoinRoutes.Request, JoinRefusal.None);
    }

    /// <summary>A person accepts an invitation for <paramref name="role"/>; it replaces a pending request or invitation.</summary>
    public static JoinDecision Accept(string studioStatus, string role, string? currentState, int capacity, int activeParticipants)
    {
        if (studioStatus != StudioStatus.Open) return JoinDecision.Refused(JoinRefusal.StudioNotOpen);
        if (currentState is MemberStates.Waitlisted or MemberStates.Active) return JoinDecision.Refused(JoinRefusal.AlreadyMember);
        return new JoinDecision(Places.Admit(role, capacity, activeParticipants), JoinRoutes.Invitation, JoinRefusal.None);
    }
}
