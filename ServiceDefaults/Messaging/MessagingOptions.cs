namespace Studios.ServiceDefaults.Messaging;

/// <summary>Outbox, inbox and consumer settings (section "Messaging"); the defaults suit one small machine.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Classic locally, quorum in production. A queue keeps the type it was first declared with:
    /// switching an existing broker means deleting (or draining and renaming) its queues first.</summary>
    public QueueType QueueType { get; set; } = QueueType.Classic;

    /// <summary>Most outbox rows one relay claims and publishes at once.</summary>
    public int RelayBatchSize { get; set; } = 200;

    /// <summary>Claimed batches one relay publishes at once: with more than one, the next is claimed and sent while the
    /// broker confirms the one before. One by default: more publishes in flight on the connection the consumers share
    /// made the receive endpoints' recovery from a broker crash stall (BrokerKillTests, 2 runs of 4 with 2).</summary>
    public int RelayBatchesInFlight { get; set; } = 1;

    /// <summary>Fallback poll when no NOTIFY arrives (another instance's commit, a lost listen connection).</summary>
    public TimeSpan RelayPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>After an in-process enqueue, how long the relay keeps looking (quickly, then less often) for the
    /// transaction to commit before it falls back to the poll.</summary>
    public TimeSpan RelayExpectCommitWithin { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Also NOTIFY on every enqueue, so idle relays of other instances wake at the commit instead of the poll.
    /// Off by default: PostgreSQL serialises the commits of NOTIFYing transactions cluster-wide (one WAL flush each),
    /// which caps a service's event-writing transactions at the disk's flush rate.</summary>
    public bool NotifyOnEnqueue { get; set; }

    /// <summary>How long a claimed batch is reserved for the relay that claimed it; after that another may take it.
    /// Longer than <see cref="PublishTimeout"/>, so a live relay never loses its batch while it publishes.</summary>
    public TimeSpan RelayLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A publish not confirmed by the broker within this time counts as failed and is retried later.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the relay deletes old rows and refreshes the backlog metrics.</summary>
    public TimeSpan HousekeepingInterval { get; set; } = TimeSpan.FromSeconds(15);

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

    /// <summary>Batches one batch consumer's endpoint consumes at once; its prefetch and concurrent message limit are
    /// <see cref="BatchMessageLimit"/> times this, so batches can fill.</summary>
    public int BatchConcurrencyLimit { get; set; } = 4;

    /// <summary>How long a stopping receive endpoint (the service shutting down, or its broker connection lost) waits for
    /// the messages it is consuming before it cancels them (their transactions roll back; the broker redelivers).</summary>
    public TimeSpan ConsumerStopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a stopping receive endpoint waits in all before it stops regardless. MassTransit's default is to
    /// wait forever, and a delivery can outlive its connection for good (after a broker crash, most likely an acknowledgement
    /// blocked on the dead connection's full outgoing frame queue in RabbitMQ.Client 7.2, see docs/messaging.md): then the
    /// endpoint never reconnects and its queue is not consumed until the process restarts. At least
    /// <see cref="ConsumerStopTimeout"/>.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the bus watchdog looks for a silently stalled receive endpoint or outbox relay
    /// (<see cref="StallAfter"/>); zero turns it off.</summary>
    public TimeSpan WatchdogInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A receive endpoint that has received nothing for this long while messages are ready in its queue, and
    /// is not busy on a live channel, is stalled, and so is an outbox relay all of whose publishes failed for this long
    /// while the broker answers: the watchdog restarts the bus. Longer than MassTransit's reconnect interval (up to
    /// 30 s), so a reconnect under way is not taken for a stall.</summary>
    public TimeSpan StallAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Immediate retries of a transient failure (Npgsql transient, timeout) before the delayed ones.</summary>
    public int ImmediateRetries { get; set; } = 3;

    /// <summary>In-process delayed redelivery of any other failure (RabbitMQ 3.10 has no delayed-message plugin here);
    /// after the last one the message goes to the endpoint's _error queue. Empty: <see cref="DefaultDelayedRetries"/>.</summary>
    public TimeSpan[] DelayedRetries { get; set; } = [];

    /// <summary>In-process delays for transient failures that outlast the immediate retries (the database restarting):
    /// long enough to ride out a short outage instead of filling the _error queue. Empty: <see cref="DefaultTransientRetries"/>.</summary>
    public TimeSpan[] TransientRetries { get; set; } = [];

    // The configuration binder appends to a non-empty array instead of replacing it, so defaults are applied after binding.
    public static readonly TimeSpan[] DefaultDelayedRetries = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)];

    public static readonly TimeSpan[] DefaultTransientRetries =
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30)];

    internal void ApplyDefaults()
    {
        if (DelayedRetries.Length == 0) DelayedRetries = DefaultDelayedRetries;
        if (TransientRetries.Length == 0) TransientRetries = DefaultTransientRetries;
    }
}
