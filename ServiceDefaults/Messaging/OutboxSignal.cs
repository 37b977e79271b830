using System.Data;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Npgsql;

namespace Studios.ServiceDefaults.Messaging;

/// <summary>Wakes this process's relay once enqueued rows are committed. Npgsql tells nobody about a commit, but the
/// connection that wrote them closes right after it (<c>await using var connection</c>, returned to the pool): the
/// signal fires then, when the rows are visible. A rolled-back enqueue wakes the relay for nothing, which is harmless.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    // Connections already watched: one signal per close, however many enqueues it made.
    private readonly ConditionalWeakTable<NpgsqlConnection, object> _watched = new();
    private long _signals;

    /// <summary>How many commits signalled the relay (a test's or a dashboard's curiosity).</summary>
    public long Count => Interlocked.Read(ref _signals);

    /// <summary>Wakes the relay when <paramref name="connection"/> closes, i.e. after the transaction that enqueued committed.</summary>
    internal void WhenClosed(NpgsqlConnection connection)
    {
        if (!_watched.TryAdd(connection, this)) return;
        void OnStateChange(object? sender, StateChangeEventArgs change)
        {
            if (change.CurrentState != ConnectionState.Closed) return;
            connection.StateChange -= OnStateChange;
            _watched.Remove(connection);
            Interlocked.Increment(ref _signals);
            Wake();
        }
        connection.StateChange += OnStateChange;
    }

    /// <summary>Wakes the relay now (a NOTIFY from another instance, a failed row falling due).</summary>
    internal void Wake() => _wakeUps.Writer.TryWrite(true);

    /// <summary>Waits for a wake-up or <paramref name="timeout"/>; wake-ups that came meanwhile count at once.</summary>
    internal async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_wakeUps.Reader.TryRead(out _)) return;
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _wakeUps.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // the timeout passed: a poll
        }
    }
}
