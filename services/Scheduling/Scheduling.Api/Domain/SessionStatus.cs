namespace Studios.Scheduling.Domain;

public enum SessionStatus
{
    Scheduled,
    Cancelled,
}
