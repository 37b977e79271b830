namespace Studios.ServiceDefaults.Messaging;

/// <summary>The RabbitMQ queue type of every receive endpoint (setting Messaging:QueueType).</summary>
public enum QueueType
{
    /// <summary>One copy on one node: the local default (the AppHost and tests run a single broker).</summary>
    Classic,

    /// <summary>Replicated by Raft across the cluster's nodes: production, where a broker node may be lost.</summary>
    Quorum,
}
