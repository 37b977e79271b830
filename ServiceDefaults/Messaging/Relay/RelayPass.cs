using System.Collections.Concurrent;
using System.Diagnostics;
using Studios.ServiceDefaults.Telemetry;

namespace Studios.ServiceDefaults.Messaging.Relay;

/// <summary>One claim's rows on their way: published one by one, each confirmed or failed, then marked together. Its
/// span ("outbox relay", a trace of its own) starts at the claim and ends with the marking, whose SQL is its child; each
/// row's publish is a span in the trace that enqueued it.</summary>
internal sealed class RelayPass
{
    private readonly ConcurrentQueue<Guid> _confirmed = new();
    private readonly ConcurrentQueue<(Guid Id, string Error)> _failed = new();
    private int _outstanding;

    public RelayPass(IReadOnlyList<OutboxRow> rows, DateTime claimedAt)
    {
        Rows = rows;
        _outstanding = rows.Count;
        var current = Activity.Current;
        Activity.Current = null; // a trace of its own, not part of whatever ran before
        Span = StudiosTelemetry.Messaging.StartActivity("outbox relay", ActivityKind.Internal, parentContext: default, startTime: claimedAt);
        Span?.SetTag("outbox.claimed", rows.Count);
        Activity.Current = current;
    }

    public IReadOnlyList<OutboxRow> Rows { get; }

    public Activity? Span { get; }

    public IReadOnlyCollection<Guid> Confirmed => _confirmed;

    public IReadOnlyCollection<(Guid Id, string Error)> Failed => _failed;

    /// <summary>Records a row's outcome (null: confirmed); true for the last one, when the pass is ready to be marked.</summary>
    public bool Record(Guid id, string? error)
    {
        if (error is null) _confirmed.Enqueue(id);
        else _failed.Enqueue((id, error));
        return Interlocked.Decrement(ref _outstanding) == 0;
    }
}
