using System.Collections.Concurrent;
using System.Diagnostics;

namespace Studios.Messaging.Tests.Support;

/// <summary>Records every span started in this process (all sources) while it lives; tests pick theirs by trace id.</summary>
public sealed class SpanRecorder : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _stopped.Enqueue(activity),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId) => [.. _stopped.Where(span => span.TraceId == traceId)];

    public IReadOnlyList<Activity> All => [.. _stopped];

    public void Dispose() => _listener.Dispose();
}
