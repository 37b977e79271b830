using System.Diagnostics.Metrics;
using Studios.Scheduling.Domain;

namespace Studios.Scheduling.Telemetry;

/// <summary>Scheduling's business metrics on the "Studios.Scheduling" meter.</summary>
public sealed class SchedulingMetrics
{
    public const string MeterName = "Studios.Scheduling";

    private readonly Counter<long> _held;
    private readonly Histogram<double> _attendanceRate;
    private readonly Counter<long> _rsvps;
    private readonly Counter<long> _scheduled;
    private readonly Counter<long> _cancelled;

    public SchedulingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _held = meter.CreateCounter<long>("sessions.held", "{session}", "Sessions whose attendance was recorded (counted once per session).");
        _attendanceRate = meter.CreateHistogram<double>("attendance.rate", "1",
            "Per held session: share of recorded members present or late (0..1), when attendance is first recorded.");
        _rsvps = meter.CreateCounter<long>("rsvps", "{rsvp}", "RSVP changes by resulting status (going, waitlisted, not-going).");
        _scheduled = meter.CreateCounter<long>("sessions.scheduled", "{session}", "Sessions added to studios' calendars.");
        _cancelled = meter.CreateCounter<long>("sessions.cancelled", "{session}", "Sessions cancelled, by cause.");
    }

    public void Held(double attendanceRate)
    {
        _held.Add(1);
        _attendanceRate.Record(attendanceRate);
    }

    public void Rsvp(RsvpStatus status) => _rsvps.Add(1, new KeyValuePair<string, object?>("status", Kebab.Of(status)));

    public void Scheduled(int count) => _scheduled.Add(count);

    public void Cancelled(string cause) => _cancelled.Add(1, new KeyValuePair<string, object?>("cause", cause));
}
