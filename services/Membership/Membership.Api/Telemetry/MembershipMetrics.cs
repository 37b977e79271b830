using System.Diagnostics.Metrics;
using Studios.Membership.Features;

namespace Studios.Membership.Telemetry;

/// <summary>Membership's business instruments on the "Studios.Membership" meter.</summary>
public sealed class MembershipMetrics
{
    public const string MeterName = "Studios.Membership";

    private readonly Counter<long> _joined;
    private readonly Counter<long> _left;
    private long _waitlisted;

    public MembershipMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _joined = meter.CreateCounter<long>("members.joined", "{member}", "People who became active members of a studio, by how they came in.");
        _left = meter.CreateCounter<long>("members.left", "{member}", "Active members who left a studio, by reason.");
        meter.CreateObservableGauge("waitlist.length", () => Volatile.Read(ref _waitlisted), "{person}",
            "People waiting for a place, across all studios.");
    }

    /// <summary>Counts what a committed transaction changed.</summary>
    public void Record(RosterTally tally)
    {
        foreach (var via in tally.Joined) _joined.Add(1, new KeyValuePair<string, object?>("joined_via", via));
        foreach (var reason in tally.Left) _left.Add(1, new KeyValuePair<string, object?>("reason", reason));
    }

    public void WaitlistLength(long length) => Volatile.Write(ref _waitlisted, length);
}
