namespace Studios.AppHost.Model;

/// <summary>A database with a login role of the same name that can reach only this database.</summary>
public sealed class DatabaseResource(string name, PostgresResource server) : IResourceWithConnectionString
{
    public string Name { get; } = name;
    public string Role => Name;

    public string ConnectionName => Name;
    public Resource Server { get; } = server;
}
