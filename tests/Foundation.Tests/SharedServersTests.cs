using Npgsql;
using RabbitMQ.Client;
using Studios.Testing;

namespace Studios.Foundation.Tests;

/// <summary>The shared servers and per-class isolation every integration test relies on.</summary>
public sealed class SharedServersTests(SharedServersTests.Env env) : IClassFixture<SharedServersTests.Env>
{
    public sealed class Env : IsolatedEnvironment
    {
        protected override string Name => "foundation";
        protected override IEnumerable<string> Databases => ["membership"];
    }

    [Fact]
    public async Task A_service_role_uses_its_own_database()
    {
        await using var connection = new NpgsqlConnection(env.DatabaseConnectionString("membership"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL); INSERT INTO people VALUES (1, 'Ada'); SELECT name FROM people",
            connection);
        Assert.Equal("Ada", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_service_role_cannot_connect_to_another_service_database()
    {
        var scheduling = new NpgsqlConnectionStringBuilder(await env.DatabaseConnectionStringAsync("scheduling"));
        var membership = new NpgsqlConnectionStringBuilder(env.DatabaseConnectionString("membership"))
        {
            Database = scheduling.Database,
        };
        await using var connection = new NpgsqlConnection(membership.ConnectionString);
        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task Ensuring_a_database_twice_keeps_its_data_and_updates_the_password()
    {
        var servers = await SharedServers.GetAsync();
        var name = env.Environment.PhysicalName("idempotent");
        var first = await servers.Postgres.EnsureDatabaseAsync(name, name, "first-password");
        await using (var connection = new NpgsqlConnection(first))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand("CREATE TABLE kept (id int)", connection).ExecuteNonQueryAsync();
        }
        var second = await servers.Postgres.EnsureDatabaseAsync(name, name, "it's a \"new\" one");
        await using (var connection = new NpgsqlConnection(second))
        {
            await connection.OpenAsync();
            Assert.Equal(0L, await new NpgsqlCommand("SELECT count(*) FROM kept", connection).ExecuteScalarAsync());
        }
        await servers.Postgres.DropDatabaseAsync(name);
        await servers.Postgres.DropRoleAsync(name);
    }

    [Fact]
    public async Task Database_and_role_names_are_validated()
    {
        var servers = await SharedServers.GetAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => servers.Postgres.EnsureDatabaseAsync("bad\"; DROP", "role", "x"));
        await Assert.ThrowsAsync<ArgumentException>(() => servers.Postgres.EnsureDatabaseAsync("db", "Role", "x"));
    }

    [Fact]
    public async Task A_message_published_to_the_environment_vhost_is_consumed()
    {
        var factory = new ConnectionFactory { Uri = new Uri(env.MessagingConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        Assert.Equal(env.Environment.VirtualHost, factory.VirtualHost);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;

        await channel.BasicPublishAsync("", queue, mandatory: true, body: "hello"u8.ToArray());

        BasicGetResult? received = null;
        await Eventually.TrueAsync(async () => (received = await channel.BasicGetAsync(queue, autoAck: true)) is not null,
            TimeSpan.FromSeconds(10), "the published message should be in the queue");
        Assert.Equal("hello", System.Text.Encoding.UTF8.GetString(received!.Body.Span));
    }

    [Fact]
    public async Task Virtual_hosts_are_isolated()
    {
        await using var other = await TestEnvironment.CreateAsync("other");
        var mine = new ConnectionFactory { Uri = new Uri(env.MessagingConnectionString) };
        var theirs = new ConnectionFactory { Uri = new Uri(other.MessagingConnectionString) };
        await using var myConnection = await mine.CreateConnectionAsync();
        await using var myChannel = await myConnection.CreateChannelAsync();
        await myChannel.QueueDeclareAsync("only-mine", durable: false, exclusive: false, autoDelete: false);

        await using var theirConnection = await theirs.CreateConnectionAsync();
        await using var theirChannel = await theirConnection.CreateChannelAsync();
        var error = await Assert.ThrowsAnyAsync<RabbitMQ.Client.Exceptions.OperationInterruptedException>(
            () => theirChannel.QueueDeclarePassiveAsync("only-mine"));
        Assert.Contains("NOT_FOUND", error.Message);
    }
}
