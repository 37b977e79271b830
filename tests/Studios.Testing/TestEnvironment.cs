using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Studios.Testing;

/// <summary>
/// A test class's own slice of the shared servers: its own RabbitMQ virtual host and its own databases
/// (each with its own login role), all removed on dispose.
/// <code>await using var env = await TestEnvironment.CreateAsync("membership", "membership");</code>
/// </summary>
public sealed partial class TestEnvironment : IAsyncDisposable
{
    private readonly SharedServers _servers;
    private readonly string _id = ShortId.New();
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _databases = new();

    private TestEnvironment(SharedServers servers, string name)
    {
        _servers = servers;
        Name = name;
        VirtualHost = $"{name}-{_id}";
    }

    /// <summary>The name given to <see cref="CreateAsync"/>, e.g. the service under test.</summary>
    public string Name { get; }

    public string VirtualHost { get; }

    /// <summary>amqp:// URI of this environment's virtual host: what ConnectionStrings__messaging holds.</summary>
    public string MessagingConnectionString => _servers.RabbitMq.ConnectionString(VirtualHost);

    public Uri MessagingUri => _servers.RabbitMq.AmqpUri(VirtualHost);

    public SharedServers Servers => _servers;

    /// <param name="name">Lowercase letters, digits, '_' (used in vhost, database and role names).</param>
    /// <param name="databases">Databases to create up front (others are created on first request).</param>
    public static async Task<TestEnvironment> CreateAsync(string name, params string[] databases)
    {
        ValidateName(name);
        var environment = new TestEnvironment(await SharedServers.GetAsync().ConfigureAwait(false), name);
        await environment._servers.RabbitMq.CreateVirtualHostAsync(environment.VirtualHost).ConfigureAwait(false);
        foreach (var database in databases) await environment.DatabaseConnectionStringAsync(database).ConfigureAwait(false);
        return environment;
    }

    /// <summary>Connection string of this environment's copy of <paramref name="database"/>, created on first request
    /// with a login role that can reach only it.</summary>
    public Task<string> DatabaseConnectionStringAsync(string database)
    {
        ValidateName(database);
        return _databases.GetOrAdd(database, db => new Lazy<Task<string>>(() =>
        {
            var unique = PhysicalName(db);
            return _servers.Postgres.EnsureDatabaseAsync(unique, unique, ShortId.New() + ShortId.New());
        })).Value;
    }

    /// <summary>Blocking form of <see cref="DatabaseConnectionStringAsync"/>, for places that cannot await
    /// (e.g. building configuration). Immediate when the database was named in <see cref="CreateAsync"/>.</summary>
    public string DatabaseConnectionString(string database) =>
        DatabaseConnectionStringAsync(database).GetAwaiter().GetResult();

    /// <summary>The real database (and role) name behind <paramref name="database"/>, e.g. membership_1a2b3c4d.</summary>
    public string PhysicalName(string database) => $"{database}_{_id}";

    public async ValueTask DisposeAsync()
    {
        await _servers.RabbitMq.DeleteVirtualHostAsync(VirtualHost).ConfigureAwait(false);
        foreach (var database in _databases.Keys)
        {
            var unique = PhysicalName(database);
            await _servers.Postgres.DropDatabaseAsync(unique).ConfigureAwait(false);
            await _servers.Postgres.DropRoleAsync(unique).ConfigureAwait(false);
        }
    }

    private static void ValidateName(string name)
    {
        if (!NamePattern().IsMatch(name))
            throw new ArgumentException($"'{name}' must be lowercase letters, digits or '_', starting with a letter, at most 40 characters.",
                nameof(name));
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex NamePattern();
}
