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

    /// <summary>Fallback poll when no NOTIFY arrives (another instance's commit, a lost listen connection).</summary>
    public TimeSpan RelayPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed batch is reserved for the relay that claimed it; after that another may take it.</summary>
    public TimeSpan RelayLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sent outbox rows are deleted after this long.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Inbox rows (the duplicate-detection window) are deleted after this long.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(7);

    public int PrefetchCount { get; set; } = 32;
    public int ConcurrentMessageLimit { get; set; } = 16;
    public int ImmediateRetries { get; set; } = 3;

    /// <summary>In-process delayed redelivery intervals (RabbitMQ 3.10 has no delayed-message plugin here).</summary>
    public TimeSpan[] DelayedRetries { get; set; } = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)];
}
