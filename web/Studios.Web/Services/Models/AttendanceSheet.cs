namespace Studios.Web.Services.Models;

/// <summary>What was recorded for a session (Scheduling): each person's status.</summary>
public sealed record AttendanceSheet(Guid SessionId, int Present, int Late, int Excused, int Absent, IReadOnlyList<AttendanceMark> Entries);

public sealed record AttendanceMark(Guid? PersonId, string? Status);
