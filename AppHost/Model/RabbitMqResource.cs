namespace Studios.AppHost.Model;

/// <summary>The message broker, with its management plugin.</summary>
public sealed class RabbitMqResource(string name, PortSetting amqp, PortSetting management, PortSetting distribution)
    : Resource(name), IResourceWithConnectionString
{
    public PortSetting Amqp { get; } = amqp;
    public PortSetting Management { get; } = management;
    public PortSetting Distribution { get; } = distribution;

    public string ConnectionName => Name;
    public Resource Server => this;

    public override IEnumerable<PortSetting> Ports => [Amqp, Management, Distribution];
}
