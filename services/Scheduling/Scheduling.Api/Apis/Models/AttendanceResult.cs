using Studios.Scheduling.Domain;

namespace Studios.Scheduling.Apis.Models;

public sealed record AttendanceResult(Guid SessionId, int Present, int Late, int Excused, int Absent, double Rate,
    IReadOnlyList<AttendanceEntry> Entries);
