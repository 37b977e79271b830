namespace Studios.Launchers;

/// <param name="DataDirectory">Folder of this broker alone (e.g. .data/rabbitmq): config, Mnesia, logs, its own HOME.</param>
/// <param name="AmqpPort">AMQP listener on 127.0.0.1.</param>
/// <param name="ManagementPort">Management HTTP API on 127.0.0.1.</param>
/// <param name="DistributionPort">Erlang distribution port on 127.0.0.1.</param>
/// <param name="NodeName">Erlang node name, unique on the machine ("studios" becomes studios@localhost).</param>
public sealed record RabbitMqOptions(string DataDirectory, int AmqpPort, int ManagementPort, int DistributionPort, string NodeName)
{
    public string ServerExecutable { get; init; } = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    /// <summary>Delete the data folder when the server is disposed (throw-away test brokers).</summary>
    public bool DeleteDataOnDispose { get; init; }

    /// <summary>How long boot may take before we give up.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
