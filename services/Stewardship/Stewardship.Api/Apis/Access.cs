namespace Studios.Stewardship.Apis;

/// <summary>Role checks the handlers share (studio-scoped rules use this service's own data, never another service).</summary>
internal static class Access
{
    public static bool IsSteward(this ClaimsPrincipal user) => user.IsInRole(StudiosRoles.Steward);

    public static bool IsOperator(this ClaimsPrincipal user) => user.IsInRole(StudiosRoles.Operator);

    /// <summary>The name the token carries, kept with what the person writes (and erased with them).</summary>
    public static string? DisplayName(this ClaimsPrincipal user)
    {
        var name = user.FindFirstValue(StudiosClaims.Name)?.Trim();
        return string.IsNullOrEmpty(name) ? null : name[..Math.Min(name.Length, Domain.StudioRules.StewardNameMaxLength)];
    }

    /// <summary>Studios that are not active are visible to stewards, operators, their proposer and founding facilitator only.</summary>
    public static bool CanSee(this ClaimsPrincipal user, Data.StudioRow row)
    {
        if (row.StudioState == Domain.StudioState.Active || user.IsStewardOrOperator()) return true;
        var me = user.PersonId();
        return row.ProposedBy == me || row.FoundingFacilitatorId == me;
    }
}
