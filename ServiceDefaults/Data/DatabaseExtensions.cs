using System.Reflection;

namespace Studios.ServiceDefaults.Data;

public static class DatabaseExtensions
{
    /// <summary>One NpgsqlDataSource for the service's own database (ConnectionStrings:&lt;database&gt;, through Aspire.Npgsql,
    /// with its health check in /health), its embedded Data/Migrations/NNNN_*.sql applied by DbUp before anything else
    /// starts, and Dapper reading timestamps as DateTimeOffset (<see cref="DapperTimestamps"/>).</summary>
    public static IHostApplicationBuilder AddStudiosDatabase(
        this IHostApplicationBuilder builder, string database, Assembly migrationsAssembly)
    {
        DapperTimestamps.Register();
        builder.Services.AddSingleton(new ServiceDatabase(database, migrationsAssembly));
        // Aspire's Npgsql client integration: the data source from ConnectionStrings:<database>, its health check, traces,
        // metrics and logging.
        builder.AddNpgsqlDataSource(database, configureDataSourceBuilder: dataSource =>
        {
            dataSource.Name = database;
            // A service runs the same few dozen statements over and over (the outbox and inbox on every message):
            // prepared after their fifth use, they skip PostgreSQL's parse and plan. A connection string may say otherwise.
            if (dataSource.ConnectionStringBuilder.MaxAutoPrepare == 0) dataSource.ConnectionStringBuilder.MaxAutoPrepare = 64;
        });
        // Registered before messaging so the schema exists before any consumer or relay runs.
        builder.Services.AddHostedService<MigrationRunner>();
        return builder;
    }
}

/// <summary>Which database a service owns and where its migrations are embedded.</summary>
public sealed record ServiceDatabase(string Name, Assembly MigrationsAssembly);
