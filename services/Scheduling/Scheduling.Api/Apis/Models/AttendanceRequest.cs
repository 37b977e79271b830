namespace Studios.Scheduling.Apis.Models;

/// <summary>Attendance for some or all members; people not listed keep what was recorded before.</summary>
public sealed record AttendanceRequest(IReadOnlyList<AttendanceEntry>? Entries);
