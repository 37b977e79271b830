namespace Studios.AppHost.Model;

/// <summary>A PostgreSQL server holding one database (and one login role) per service.</summary>
public sealed class PostgresResource(string name, PortSetting port) : Resource(name)
{
    public PortSetting Port { get; } = port;

    public List<DatabaseResource> Databases { get; } = [];

    public override IEnumerable<PortSetting> Ports => [Port];

    public DatabaseResource AddDatabase(string name)
    {
        var database = new DatabaseResource(name, this);
        Databases.Add(database);
        return database;
    }
}
