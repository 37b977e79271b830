using System.Text.RegularExpressions;
using Npgsql;

namespace Studios.Launchers;

/// <summary>
/// What both ways of running PostgreSQL from Debian's binaries share (the tests' <see cref="PostgresServer"/> and the
/// AppHost's resource): creating a cluster, and one database per service with a login role that can reach only it.
/// </summary>
public static partial class PostgresCluster
{
    public const string ServiceUser = "postgres";
    public const string SuperUser = "postgres";

    /// <summary>initdb into <paramref name="pgData"/> unless a cluster is there; false when one already was.</summary>
    public static async Task<bool> InitializeAsync(string binDirectory, string pgData, string superuserPasswordFile, CancellationToken ct = default)
    {
        if (File.Exists(Path.Combine(pgData, "PG_VERSION"))) return false;
        await Commands.RunCheckedAsync("initdb", ServiceUser, Path.Combine(binDirectory, "initdb"),
            ["-D", pgData, "-U", SuperUser, "--auth=scram-sha-256", "--pwfile", superuserPasswordFile,
             "-E", "UTF8", "--locale=C.UTF-8"], ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Creates (or updates the password of) <paramref name="role"/> and creates <paramref name="database"/> owned by it;
    /// nobody else may connect to it.</summary>
    public static async Task EnsureDatabaseAsync(string adminConnectionString, string database, string role, string password,
        CancellationToken ct = default)
    {
        ValidateIdentifier(database);
        ValidateIdentifier(role);
        await using var connection = await OpenAdminAsync(adminConnectionString, ct).ConfigureAwait(false);

        // Roles are cluster-wide and two callers may race to create the same one: create, else alter.
        var roleExists = await ScalarAsync<bool>(connection,
            "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = @name)", [("name", role)], ct).ConfigureAwait(false);
        try
        {
            await ExecuteFormattedAsync(connection,
                roleExists ? "ALTER ROLE %I WITH LOGIN PASSWORD %L" : "CREATE ROLE %I WITH LOGIN PASSWORD %L",
                role, password, ct).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateObject)
        {
            await ExecuteFormattedAsync(connection, "ALTER ROLE %I WITH LOGIN PASSWORD %L", role, password, ct).ConfigureAwait(false);
        }

        var dbExists = await ScalarAsync<bool>(connection,
            "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", [("name", database)], ct).ConfigureAwait(false);
        if (!dbExists)
        {
            try
            {
                await ExecuteAsync(connection, $"CREATE DATABASE \"{database}\" OWNER \"{role}\"", ct).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase) { }
        }
        // Owner of the database (and so of its public schema); nobody else may even connect.
        await ExecuteAsync(connection, $"ALTER DATABASE \"{database}\" OWNER TO \"{role}\"", ct).ConfigureAwait(false);
        await ExecuteAsync(connection, $"REVOKE CONNECT, TEMPORARY ON DATABASE \"{database}\" FROM PUBLIC", ct).ConfigureAwait(false);
    }

    /// <summary>An unpooled connection: pooled ones would be dead after a restart or kill of the server.</summary>
    public static async Task<NpgsqlConnection> OpenAdminAsync(string adminConnectionString, CancellationToken ct = default)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        return connection;
    }

    public static void ValidateIdentifier(string name)
    {
        if (!IdentifierPattern().IsMatch(name))
            throw new ArgumentException($"'{name}' is not a valid database or role name (^[a-z_][a-z0-9_]*$, at most 63 characters).",
                nameof(name));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>DDL takes no parameters: let the server quote the identifier (%I) and the literal (%L).</summary>
    private static async Task ExecuteFormattedAsync(NpgsqlConnection connection, string template, string identifier, string literal,
        CancellationToken ct)
    {
        var sql = await ScalarAsync<string>(connection, "SELECT format(@template, @identifier, @literal)",
            [("template", template), ("identifier", identifier), ("literal", literal)], ct).ConfigureAwait(false);
        await ExecuteAsync(connection, sql, ct).ConfigureAwait(false);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return (T)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex IdentifierPattern();
}
