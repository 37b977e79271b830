namespace Studios.Scheduling.Domain;

public enum AttendanceStatus
{
    Present,
    Late,
    Excused,
    Absent,
}
