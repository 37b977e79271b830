using System.Reflection;

namespace Studios.ServiceDefaults.Data;

public static class DatabaseExtensions
{
    /// <summary>One NpgsqlDataSource for the service's own database (ConnectionStrings:&lt;database&gt;, through Aspire.Npgsql,
    /// with its health check in /health; at most <c>Database:MaxPoolSize</c> connections when set), its embedded Data/Migrations/NNNN_*.sql applied by DbUp before anything else
    /// starts, and Dapper reading timestamps as DateTimeOffset (<see cref="DapperTimestamps"/>).</summary>
    public static IHostApplicationBuilder AddStudiosDatabase(
        this IHostApplicationBuilder builder, string database, Assembly migrationsAssembly)
    {
        DapperTimestamps.Register();
        var maxPoolSize = builder.Configuration.GetValue<int?>("Database:MaxPoolSize");
        if (maxPoolSize is < 1) throw new InvalidOperationException($"Database:MaxPoolSize must be at least 1 (it is {maxPoolSize}).");
        builder.Services.AddSingleton(new ServiceDatabase(database, migrationsAssembly));
        // Aspire's Npgsql client integration: the data source from ConnectionStrings:<database>, its health check, traces,
        // metrics and logging.
        builder.AddNpgsqlDataSource(database, configureDataSourceBuilder: dataSource =>
        {
            dataSource.Name = database;
            // A service runs the same few dozen statements over and over (the outbox and inbox on every message):
            // prepared after their fifth use, they skip PostgreSQL's parse and plan. A connection string may say otherwise.
            if (dataSource.ConnectionStringBuilder.MaxAutoPrepare == 0) dataSource.ConnectionStringBuilder.MaxAutoPrepare = 64;
            // The cluster's connections are shared by every instance of every service: each instance's share
            // (Database:MaxPoolSize) keeps their sum under max_connections, so a busy instance waits for one of its own
            // connections instead of being refused by PostgreSQL ("too many clients") and answering 503.
            if (maxPoolSize is { } size) dataSource.ConnectionStringBuilder.MaxPoolSize = size;
        });
        // Registered before messaging so the schema exists before any consumer or relay runs.
        builder.Services.AddHostedService<MigrationRunner>();
        return builder;
    }
}

/// <summary>Which database a service owns and where its migrations are embedded.</summary>
public sealed record ServiceDatabase(string Name, Assembly MigrationsAssembly);
