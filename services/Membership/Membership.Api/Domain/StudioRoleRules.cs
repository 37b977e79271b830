using Studios.Membership.Contracts;

namespace Studios.Membership.Domain;

/// <summary>What each studio role may do and whether it takes one of the studio's places.</summary>
public static class StudioRoleRules
{
    public static readonly IReadOnlyList<string> All = [StudioRoles.Participant, StudioRoles.Facilitator, StudioRoles.CoFacilitator];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);

    /// <summary>Capacity counts participants: facilitators and co-facilitators hold no place.</summary>
    public static bool TakesPlace(string role) => role == StudioRoles.Participant;

    /// <summary>Facilitators and co-facilitators manage policy, requests, invitations and participants.</summary>
    public static bool Manages(string? role) => role is StudioRoles.Facilitator or StudioRoles.CoFacilitator;

    /// <summary>Only a facilitator changes roles or acts on other facilitators and co-facilitators.</summary>
    public static bool MayActOn(string? actorRole, string targetRole) =>
        actorRole == StudioRoles.Facilitator || (actorRole == StudioRoles.CoFacilitator && targetRole == StudioRoles.Participant);
}
