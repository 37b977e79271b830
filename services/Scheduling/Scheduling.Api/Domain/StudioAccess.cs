using System.Security.Claims;
using Studios.Membership.Contracts;
using Studios.ServiceDefaults.Identity;

namespace Studios.Scheduling.Domain;

/// <summary>Who may do what in a studio, from the local roster: its facilitators manage, its members take part,
/// stewards and operators read everything.</summary>
public sealed record StudioAccess(string? Role, bool StewardOrOperator)
{
    public static StudioAccess For(ClaimsPrincipal user, string? role) => new(role, user.IsStewardOrOperator());

    public bool IsMember => Role is not null;

    public bool CanManage => IsFacilitatorRole(Role);

    public bool CanRead => IsMember || StewardOrOperator;

    public static bool IsFacilitatorRole(string? role) => role is StudioRoles.Facilitator or StudioRoles.CoFacilitator;
}
