using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Studios.ServiceDefaults.Messaging;

/// <summary>The broker named by ConnectionStrings:messaging, an amqp://user:password@host:port/vhost URI
/// (the form Aspire and the AppHost hand out).</summary>
public sealed record BrokerAddress(Uri HostUri, string UserName, string Password)
{
    public const string ConnectionStringName = "messaging";
    private const int QueueNotFound = 404;

    public static BrokerAddress From(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"Connection string '{ConnectionStringName}' is missing: set ConnectionStrings__{ConnectionStringName} to an amqp:// URI.");
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != "amqp" && uri.Scheme != "amqps"))
        {
            throw new InvalidOperationException($"ConnectionStrings__{ConnectionStringName} must be an amqp:// or amqps:// URI.");
        }

        var userInfo = uri.UserInfo.Split(':', 2);
        var userName = Uri.UnescapeDataString(userInfo[0] is "" ? "guest" : userInfo[0]);
        var password = Uri.UnescapeDataString(userInfo.Length > 1 ? userInfo[1] : "guest");
        // MassTransit wants rabbitmq://host:port/vhost, with the default vhost "/" (amqp's %2F) as an empty path.
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        var path = vhost is "" or "/" ? "/" : "/" + Uri.EscapeDataString(vhost);
        var port = uri.IsDefaultPort || uri.Port < 0 ? (uri.Scheme == "amqps" ? 5671 : 5672) : uri.Port;
        var hostUri = new UriBuilder(uri.Scheme == "amqps" ? "rabbitmqs" : "rabbitmq", uri.Host, port, path).Uri;
        return new BrokerAddress(hostUri, userName, password);
    }

    /// <summary>A plain AMQP connection of our own beside MassTransit's (operator endpoints, the bus watchdog);
    /// no automatic recovery: each use opens one or notices it closed.</summary>
    public static Task<IConnection> ConnectAsync(IConfiguration configuration, string clientName, CancellationToken cancellationToken)
    {
        From(configuration); // the same checks and messages as MassTransit's connection
        var factory = new ConnectionFactory
        {
            Uri = new Uri(configuration.GetConnectionString(ConnectionStringName)!),
            ClientProvidedName = clientName,
            AutomaticRecoveryEnabled = false,
        };
        return factory.CreateConnectionAsync(cancellationToken);
    }

    /// <summary>Messages ready in <paramref name="queue"/> (a passive declare), or null when it does not exist; the broker
    /// then closes <paramref name="channel"/>.</summary>
    internal static async Task<uint?> ReadyMessagesAsync(IChannel channel, string queue, CancellationToken cancellationToken)
    {
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == QueueNotFound)
        {
            return null;
        }
    }
}
