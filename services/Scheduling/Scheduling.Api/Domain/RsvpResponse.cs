namespace Studios.Scheduling.Domain;

/// <summary>What a member answers; "going" becomes waitlisted when the session is full.</summary>
public enum RsvpResponse
{
    Going,
    NotGoing,
}
