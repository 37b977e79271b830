namespace Studios.ServiceDefaults.Identity;

public static class StudiosRoles
{
    public const string Participant = "participant";
    public const string Facilitator = "facilitator";
    public const string Steward = "steward";
    public const string Operator = "operator";
}

public static class StudiosClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Email = "email";
}

public static class StudiosPolicies
{
    public const string Steward = "steward";
    public const string Operator = "operator";
    public const string StewardOrOperator = "steward-or-operator";
    public const string FacilitatorOrSteward = "facilitator-or-steward";
}
