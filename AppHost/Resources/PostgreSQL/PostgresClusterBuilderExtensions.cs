using Microsoft.Extensions.Diagnostics.HealthChecks;
using Studios.AppHost.Local;
using Studios.Launchers;

namespace Studios.AppHost.Resources;

public static class PostgresClusterBuilderExtensions
{
    /// <summary>
    /// A PostgreSQL 15 cluster from Debian's binaries as an executable resource (where a container runtime exists,
    /// Aspire's <c>AddPostgres(name)</c> takes its place). Port <c>Ports:Postgres</c>; data under
    /// <c>.data/postgres/&lt;name&gt;</c>, created with initdb on first start; the superuser's generated password is
    /// the secret parameter <c>&lt;name&gt;-password</c>.
    /// </summary>
    public static IResourceBuilder<PostgresClusterResource> AddPostgresCluster(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        var run = LocalRun.Of(builder);
        var binDirectory = builder.Configuration["Postgres:BinDirectory"] ?? "/usr/lib/postgresql/15/bin";
        var password = builder.AddParameter($"{name}-password", () => run.Data.Secret($"{name}-password"), secret: true);
        var port = run.Ports.Fixed("Postgres");

        var (command, runAs) = ServiceUser.Run(PostgresCluster.ServiceUser, Path.Combine(binDirectory, "postgres"));
        var cluster = new PostgresClusterResource(name, command, run.Data.PathOf("postgres", name), password.Resource);

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(cluster, async (_, ct) =>
        {
            RequireInstalled(binDirectory);
            // A crashed earlier run may have left a server (or its pid file) on this data.
            await PostgresServer.StopLeftOverAsync(cluster.DataDirectory, ct: ct);
            await InitializeAsync(cluster, binDirectory, await password.Resource.GetValueAsync(ct) ?? "", ct);
        });
        // Aspire carries a container's state over to its databases, not an executable's: the cluster does it for its own.
        builder.Eventing.Subscribe<ResourceReadyEvent>(cluster, async (e, ct) =>
        {
            var admin = await ((IResourceWithConnectionString)cluster).GetConnectionStringAsync(ct) + ";Database=postgres";
            var notifications = e.Services.GetRequiredService<ResourceNotificationService>();
            foreach (var database in cluster.Databases)
            {
                await PostgresCluster.EnsureDatabaseAsync(admin, database.DatabaseName, database.RoleName,
                    await database.PasswordParameter.GetValueAsync(ct) ?? "", ct);
                await notifications.PublishUpdateAsync(database, state => state with
                {
                    State = KnownResourceStates.Running, StartTimeStamp = DateTime.UtcNow, StopTimeStamp = null,
                });
            }
        });
        builder.Eventing.Subscribe<ResourceStoppedEvent>(cluster, async (e, _) =>
        {
            var notifications = e.Services.GetRequiredService<ResourceNotificationService>();
            foreach (var database in cluster.Databases)
                await notifications.PublishUpdateAsync(database, state => state with
                {
                    State = KnownResourceStates.Exited, StopTimeStamp = DateTime.UtcNow,
                });
        });

        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheck, _ => new PostgresHealthCheck(cluster, "postgres"), null, null));

        return builder.AddResource(cluster)
            .WithArgs([.. runAs, "-D", cluster.PgData, "-p", port.ToString(),
                       "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                       "-c", $"max_connections={PostgresClusterResource.MaxConnections}"])
            .WithEndpoint(port: port, targetPort: port, name: PostgresClusterResource.PrimaryEndpointName, isProxied: false)
            .WithLoopbackEndpoints()
            .WithHealthCheck(healthCheck)
            .WithIconName("DatabaseMultiple");
    }

    /// <summary>A database with a login role of the same name (its generated password is the secret parameter
    /// <c>&lt;name&gt;-password</c>), created once the cluster is healthy; healthy once that role can connect to it.</summary>
    public static IResourceBuilder<PostgresClusterDatabaseResource> AddDatabase(this IResourceBuilder<PostgresClusterResource> builder,
        [ResourceName] string name, string? databaseName = null)
    {
        var run = LocalRun.Of(builder.ApplicationBuilder);
        var password = builder.ApplicationBuilder.AddParameter($"{name}-password", () => run.Data.Secret($"{name}-password"), secret: true);
        var database = new PostgresClusterDatabaseResource(name, databaseName ?? name, password.Resource, builder.Resource);
        builder.Resource.Add(database);

        var healthCheck = $"{name}_check";
        builder.ApplicationBuilder.Services.AddHealthChecks()
            .Add(new HealthCheckRegistration(healthCheck, _ => new PostgresHealthCheck(database, database.DatabaseName), null, null));
        return builder.ApplicationBuilder.AddResource(database)
            .WithHealthCheck(healthCheck)
            .WithIconName("Database");
    }

    /// <summary>A service's own database: its connection string under <paramref name="connectionName"/>, the service started
    /// once the database is healthy, and (running locally) each of its instances' share of the cluster's connections as
    /// <c>Database__MaxPoolSize</c>.</summary>
    public static IResourceBuilder<ProjectResource> WithDatabase(this IResourceBuilder<ProjectResource> service,
        IResourceBuilder<PostgresClusterDatabaseResource> database, string connectionName)
    {
        service.WithReference(database, connectionName).WaitFor(database);
        if (service.ApplicationBuilder.ExecutionContext.IsPublishMode) return service;
        var instances = LocalRun.Of(service.ApplicationBuilder).Replicas.Count;
        return service.WithEnvironment(context => context.EnvironmentVariables["Database__MaxPoolSize"] =
            PostgresClusterResource.PoolSizePerInstance(database.Resource.Parent.Databases.Count, instances)
                .ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task InitializeAsync(PostgresClusterResource cluster, string binDirectory, string password, CancellationToken ct)
    {
        Directory.CreateDirectory(cluster.DataDirectory);
        // initdb reads the superuser's password from a file the server's user can read; it goes once the cluster exists.
        var passwordFile = Path.Combine(cluster.DataDirectory, "initdb.pwfile");
        await File.WriteAllTextAsync(passwordFile, password, ct);
        try
        {
            await DataFolder.GiveToAsync(PostgresCluster.ServiceUser, cluster.DataDirectory, ct);
            await PostgresCluster.InitializeAsync(binDirectory, cluster.PgData, passwordFile, ct);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private static void RequireInstalled(string binDirectory)
    {
        foreach (var tool in new[] { "initdb", "postgres" })
            if (!File.Exists(Path.Combine(binDirectory, tool)))
                throw new LocalSetupException(
                    $"PostgreSQL 15 ('{Path.Combine(binDirectory, tool)}' not found): apt-get install postgresql (./studios run installs it), " +
                    "or point --Postgres:BinDirectory at its bin folder.");
    }
}
