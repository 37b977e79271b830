using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Studios.ServiceDefaults.Jobs;

/// <summary>Every pass of every interval job, on the "Studios.Jobs" meter: how many ran and how long they took, by outcome.</summary>
public sealed class JobMetrics
{
    public const string MeterName = "Studios.Jobs";
    public const string Idle = "idle";
    public const string Changed = "changed";
    public const string Failed = "failed";

    private readonly Counter<long> _passes;
    private readonly Histogram<double> _duration;

    public JobMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _passes = meter.CreateCounter<long>("job.passes", "{pass}", "Passes of the interval jobs, by job and outcome (idle, changed, failed).");
        _duration = meter.CreateHistogram<double>("job.pass.duration", "s", "How long a pass of an interval job took.");
    }

    public void Pass(string job, string outcome, TimeSpan duration)
    {
        var tags = new TagList { { "job", job }, { "outcome", outcome } };
        _passes.Add(1, tags);
        _duration.Record(duration.TotalSeconds, tags);
    }
}
