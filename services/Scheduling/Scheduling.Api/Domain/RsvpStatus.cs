namespace Studios.Scheduling.Domain;

/// <summary>Where a person stands for a session: a place, a waitlist spot, or a no.</summary>
public enum RsvpStatus
{
    Going,
    Waitlisted,
    NotGoing,
}
