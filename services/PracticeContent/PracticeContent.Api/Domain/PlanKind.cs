namespace Studios.PracticeContent.Domain;

/// <summary>Template: network-wide, authored by facilitators and stewards. Studio: one studio's plan, authored by its facilitators.</summary>
public enum PlanKind
{
    Template,
    Studio,
}
