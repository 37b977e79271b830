namespace Studios.Stewardship.Features;

/// <summary>What became of a request to have a steward support a studio.</summary>
public enum AssignOutcome
{
    Assigned,
    AlreadyAssigned,
    NotInPool,
    Full,
}
