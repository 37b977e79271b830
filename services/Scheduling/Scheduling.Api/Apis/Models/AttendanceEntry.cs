using Studios.Scheduling.Domain;

namespace Studios.Scheduling.Apis.Models;

public sealed record AttendanceEntry(Guid? PersonId, AttendanceStatus? Status);
