using Npgsql;
using Studios.Deployment.Tests.Support;
using Studios.Launchers;
using Studios.Testing;

namespace Studios.Deployment.Tests;

/// <summary>
/// Expand, then contract: during a rolling update the previous release keeps running against the newest schema.
/// Every service's migrations (whatever they are on this branch) are applied one by one to a fresh database on a real
/// PostgreSQL, as its owner role, and after each step the previous step's schema must still serve the previous release:
/// nothing it reads is dropped, renamed or retyped, nothing it inserts gains a required column, and its reads — every
/// column of every table and view it could see — still run. A deliberate contract step says so on its first line
/// (<c>-- contract: ...</c>) and ships only once no running release uses what it drops (docs/deploy.md).
/// </summary>
public sealed class MigrationCompatibilityTests(MigrationCompatibilityTests.Server server, ITestOutputHelper output)
    : IClassFixture<MigrationCompatibilityTests.Server>
{
    public static TheoryData<string> Services => SystemModel.ServiceNames();

    [Theory, MemberData(nameof(Services))]
    public async Task Each_migration_only_expands_what_the_previous_release_uses(string service)
    {
        var project = SystemModel.Project(service);
        var database = project.Database!;
        var scripts = MigrationScripts.For(project);
        Assert.NotEmpty(scripts);

        var connectionString = await server.Postgres.EnsureDatabaseAsync(database.Name, database.Role, "compat-" + Guid.NewGuid().ToString("N"));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        var breakages = new List<string>();
        var before = await SchemaSnapshot.TakeAsync(connection);
        foreach (var script in scripts)
        {
            await using (var transaction = await connection.BeginTransactionAsync())
            {
                await using var apply = new NpgsqlCommand(script.Sql, connection, transaction);
                await apply.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
            }
            var after = await SchemaSnapshot.TakeAsync(connection);
            output.WriteLine($"{service}: {script.Name}{(script.IsContract ? " (contract)" : "")}: {after.Relations.Count} relations");
            if (!script.IsContract)
            {
                breakages.AddRange(before.BreakagesIn(after).Select(b => $"{script.Name}: {b}"));
                breakages.AddRange(await PreviousReadsFailingAsync(connection, before, script));
            }
            before = after;
        }
        Assert.True(breakages.Count == 0, string.Join(Environment.NewLine, breakages));
    }

    /// <summary>The previous release's reads, as wide as they could be: every column it knew, from every relation.</summary>
    private static async Task<List<string>> PreviousReadsFailingAsync(NpgsqlConnection connection, SchemaSnapshot previous, MigrationScripts.Script script)
    {
        var failures = new List<string>();
        foreach (var (relation, columns) in previous.Relations)
        {
            var select = $"SELECT {string.Join(", ", columns.Keys.Select(c => $"\"{c.Replace("\"", "\"\"")}\""))} FROM {relation} LIMIT 0";
            try
            {
                await using var command = new NpgsqlCommand(select, connection);
                await command.ExecuteNonQueryAsync();
            }
            catch (PostgresException e)
            {
                failures.Add($"{script.Name}: the previous release's `{select}` fails: {e.MessageText}");
            }
        }
        return failures;
    }

    /// <summary>One real PostgreSQL (Debian's binaries, free port, temporary data) for the class.</summary>
    public sealed class Server : IAsyncLifetime
    {
        public PostgresServer Postgres { get; private set; } = null!;

        public async Task InitializeAsync() => Postgres = await TestServers.StartPostgresAsync();

        public async Task DisposeAsync() => await Postgres.DisposeAsync();
    }
}
