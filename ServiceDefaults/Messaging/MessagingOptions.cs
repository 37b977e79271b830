namespace Studios.ServiceDefaults.Messaging;

/// <summary>Outbox, inbox and consumer settings (section "Messaging"); the defaults suit one small machine.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Classic locally, quorum in production. A queue keeps the type it was first declared with:
    /// switching an existing broker means deleting (or draining and renaming) its queues first.</summary>
    public QueueType QueueType { get; set; } = QueueType.Classic;

    /// <summary>Also NOTIFY on every enqueue, and LISTEN for it, so the relays of other instances wake at the commit
    /// instead of their next poll. Off by default: PostgreSQL serialises the commits of NOTIFYing transactions
    /// cluster-wide (one WAL flush each), which caps a service's event-writing transactions at the disk's flush rate.</summary>
    public bool NotifyOnEnqueue { get; set; }

    /// <summary>How often an idle relay looks for rows no wake-up announced (another instance's commit).</summary>
    public TimeSpan RelayPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Sent outbox rows are deleted after this long.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Inbox rows (the duplicate-detection window) are deleted after this long.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Unacknowledged messages the broker hands each receive endpoint ahead of its consumers.</summary>
    public int PrefetchCount { get; set; } = 64;

    /// <summary>Messages one receive endpoint consumes at once (each holds a database connection while it runs).</summary>
    public int ConcurrentMessageLimit { get; set; } = 16;

    /// <summary>Batch consumers (<c>IConsumer&lt;Batch&lt;T&gt;&gt;</c>): most messages in one batch, i.e. in one
    /// transaction with one inbox statement.</summary>
    public int BatchMessageLimit { get; set; } = 100;

    /// <summary>How long a batch consumer waits, from a batch's first message, for the batch to fill.</summary>
    public TimeSpan BatchTimeLimit { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>How long a stopping receive endpoint (the service shutting down, or its broker connection lost) waits for
    /// the messages it is consuming before it cancels them (their transactions roll back; the broker redelivers). The
    /// endpoint stops regardless 5 s later: a handler that ignores its cancellation cannot keep it from reconnecting.</summary>
    public TimeSpan ConsumerStopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A receive endpoint that has received nothing for this long while messages are ready in its queue, and is
    /// not busy on a live channel, is reported stalled (log, metric, /alive unhealthy). Longer than MassTransit's
    /// reconnect interval (up to 30 s), so a reconnect under way is not taken for a stall.</summary>
    public TimeSpan StallAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>In-process delayed redelivery of any failure that is not transient (RabbitMQ 3.10 has no delayed-message
    /// plugin here); after the last one the message goes to the endpoint's _error queue. Empty: <see cref="DefaultDelayedRetries"/>.</summary>
    public TimeSpan[] DelayedRetries { get; set; } = [];

    /// <summary>In-process delays for transient failures that outlast the immediate retries (the database restarting):
    /// long enough to ride out a short outage instead of filling the _error queue. Empty: <see cref="DefaultTransientRetries"/>.</summary>
    public TimeSpan[] TransientRetries { get; set; } = [];

    // The configuration binder appends to a non-empty array instead of replacing it, so defaults are applied after binding.
    public static readonly TimeSpan[] DefaultDelayedRetries = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)];

    public static readonly TimeSpan[] DefaultTransientRetries =
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30)];

    /// <summary>Stopping endpoints give up on deliveries that ignore their cancellation this long after cancelling them.</summary>
    internal TimeSpan StopTimeout => ConsumerStopTimeout + TimeSpan.FromSeconds(5);

    internal void ApplyDefaults()
    {
        if (DelayedRetries.Length == 0) DelayedRetries = DefaultDelayedRetries;
        if (TransientRetries.Length == 0) TransientRetries = DefaultTransientRetries;
    }
}
