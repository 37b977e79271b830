namespace Studios.AppHost.Resources;

/// <summary>
/// A RabbitMQ node run from Debian's rabbitmq-server, with the management plugin, listening on 127.0.0.1 only. Its
/// connection string has the format of Aspire's RabbitMQ container integration: <c>amqp://user:password@host:port</c>.
/// </summary>
public sealed class RabbitMQNodeResource(string name, string command, string dataDirectory, ParameterResource password)
    : ExecutableResource(name, command, dataDirectory), IResourceWithConnectionString
{
    public const string PrimaryEndpointName = "tcp";
    public const string ManagementEndpointName = "management";
    public const string UserName = "studios";

    /// <summary>Its mnesia database, logs, configuration and Erlang cookie (HOME); kept across runs.</summary>
    public string DataDirectory { get; } = dataDirectory;

    public string NodeName => $"{Name}@localhost";

    public ParameterResource PasswordParameter { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    public EndpointReference ManagementEndpoint => new(this, ManagementEndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{PasswordParameter:uri}@{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}");
}
