using Microsoft.Extensions.Configuration;

namespace Studios.AppHost.Model;

/// <summary>Aspire's builder shape over our plain model. Ports come from configuration (<c>Ports:&lt;Key&gt;</c>), else the default.</summary>
public sealed class ApplicationModelBuilder(IConfiguration configuration)
{
    private readonly List<Resource> _resources = [];

    public PortSetting Port(string key, int defaultPort, string purpose)
    {
        var configured = configuration[$"Ports:{key}"];
        if (configured is null) return new PortSetting(key, defaultPort, purpose);
        if (!int.TryParse(configured, out var port) || port is < 1 or > 65535)
            throw new ModelException($"Ports:{key} is '{configured}', which is not a TCP port (1-65535).");
        return new PortSetting(key, port, purpose);
    }

    public RabbitMqResource AddRabbitMq(string name) => Add(new RabbitMqResource(name,
        Port("RabbitMq", 5673, "RabbitMQ AMQP"),
        Port("RabbitMqManagement", 15673, "RabbitMQ management"),
        Port("RabbitMqDistribution", 25673, "RabbitMQ Erlang distribution")));

    public PostgresResource AddPostgres(string name) => Add(new PostgresResource(name, Port("Postgres", 5433, "PostgreSQL")));

    /// <param name="portKey">The <c>Ports:</c> setting of its HTTP endpoint (e.g. "Membership" for Ports:Membership).</param>
    public ProjectResource AddProject(string name, string projectPath, string portKey, int defaultPort) =>
        Add(new ProjectResource(name, projectPath, Port(portKey, defaultPort, $"{name} HTTP")));

    public ApplicationModel Build()
    {
        var model = new ApplicationModel(_resources,
            Port("AppHost", 18888, "AppHost (resources API, dev tokens)"),
            Port("OtlpGrpc", 4317, "OTLP gRPC"),
            Port("OtlpHttp", 4318, "OTLP HTTP"));
        var clash = model.AllPorts.GroupBy(p => p.Port).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new ModelException($"Port {clash.Key} is configured for both {string.Join(" and ", clash.Select(p => p.ConfigurationKey))}.");
        return model;
    }

    private T Add<T>(T resource) where T : Resource
    {
        if (_resources.Any(r => r.Name == resource.Name)) throw new ModelException($"Two resources are named '{resource.Name}'.");
        _resources.Add(resource);
        return resource;
    }
}
