using Studios.Membership.Contracts;

namespace Studios.Membership.Domain;

/// <summary>A studio always keeps at least one facilitator.</summary>
public static class FacilitatorRule
{
    /// <summary>True when a member in <paramref name="currentRole"/> leaving, being removed or taking
    /// <paramref name="newRole"/> (null: no role any more) would leave the studio without a facilitator.</summary>
    public static bool WouldLeaveNoFacilitator(string currentRole, string? newRole, int activeFacilitators) =>
        currentRole == StudioRoles.Facilitator && newRole != StudioRoles.Facilitator && activeFacilitators <= 1;
}
