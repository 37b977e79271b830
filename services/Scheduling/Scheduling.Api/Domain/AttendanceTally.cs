namespace Studios.Scheduling.Domain;

/// <summary>A held session's attendance counts; the rate counts late arrivals as attending.</summary>
public sealed record AttendanceTally(int Present, int Late, int Excused, int Absent)
{
    public int Recorded => Present + Late + Excused + Absent;

    /// <summary>Share of recorded members who came (present or late), 0 when nobody is recorded.</summary>
    public double Rate => Recorded == 0 ? 0 : (double)(Present + Late) / Recorded;

    public static AttendanceTally Of(IEnumerable<AttendanceStatus> statuses)
    {
        var list = statuses.ToList();
        return new AttendanceTally(
            list.Count(s => s == AttendanceStatus.Present),
            list.Count(s => s == AttendanceStatus.Late),
            list.Count(s => s == AttendanceStatus.Excused),
            list.Count(s => s == AttendanceStatus.Absent));
    }
}
