using System.Diagnostics;
using Studios.ServiceDefaults.Telemetry;

namespace Studios.ServiceDefaults.Jobs;

/// <summary>One pass of an <see cref="IntervalJob"/> and its span, which exists only once the pass changes something.
/// Until then the pass runs under an unrecorded activity, so the SQL it sends to find its work is not traced.</summary>
public sealed class JobPass
{
    private readonly string _job;
    private readonly DateTimeOffset _startedAt;
    private Activity? _span;

    internal JobPass(string job, DateTimeOffset startedAt) => (_job, _startedAt) = (job, startedAt);

    /// <summary>Call before the pass changes something: from here on its SQL and the events it enqueues belong to the
    /// pass's span (events enqueued under the unrecorded activity would carry an unsampled trace to their consumers).</summary>
    public void Trace()
    {
        if (_span is not null) return;
        // A new trace of its own, not a child of the unrecorded activity; set here, synchronously, so the rest of the
        // job's pass runs under it.
        Activity.Current = null;
        _span = StudiosTelemetry.Jobs.StartActivity(_job, ActivityKind.Internal, parentContext: default, startTime: _startedAt);
    }

    internal async Task<int> RunAsync(Func<JobPass, CancellationToken, Task<int>> pass, CancellationToken cancellationToken)
    {
        using var untraced = new Activity("job.pass.untraced");
        untraced.ActivityTraceFlags = ActivityTraceFlags.None;
        untraced.Start();
        return await pass(this, cancellationToken);
    }

    /// <summary>Ends the span; a pass that changed something without calling <see cref="Trace"/> is recorded now.</summary>
    internal void Complete(int changed, DateTimeOffset endedAt)
    {
        if (changed > 0 && _span is null)
        {
            var previous = Activity.Current;
            Trace();
            Activity.Current = previous;
        }
        if (_span is null) return;
        _span.SetTag("job.changed", changed);
        _span.SetEndTime(endedAt.UtcDateTime);
        _span.Dispose();
    }

    internal void Fail(Exception exception, DateTimeOffset endedAt)
    {
        if (_span is null) return;
        _span.AddException(exception);
        _span.SetStatus(ActivityStatusCode.Error, exception.Message);
        _span.SetEndTime(endedAt.UtcDateTime);
        _span.Dispose();
    }
}
