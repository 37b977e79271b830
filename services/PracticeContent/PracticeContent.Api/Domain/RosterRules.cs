namespace Studios.PracticeContent.Domain;

/// <summary>Which roster roles (as Membership names them) author a studio's plans and adaptations.</summary>
public static class RosterRules
{
    public static readonly string[] FacilitatorRoles = ["facilitator", "co-facilitator"];

    public static bool Facilitates(string role) => FacilitatorRoles.Contains(role);
}
