namespace Studios.Scheduling.Data;

public sealed record AttendanceRow(Guid PersonId, string Status, Guid RecordedBy, DateTime RecordedAt);
