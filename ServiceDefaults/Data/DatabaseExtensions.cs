using System.Reflection;
using Npgsql;

namespace Studios.ServiceDefaults.Data;

public static class DatabaseExtensions
{
    /// <summary>One NpgsqlDataSource for the service's own database (ConnectionStrings:&lt;database&gt;), its
    /// embedded Data/Migrations/NNNN_*.sql applied by DbUp before anything else starts, and Dapper reading
    /// timestamps as DateTimeOffset (<see cref="DapperTimestamps"/>).</summary>
    public static IHostApplicationBuilder AddStudiosDatabase(
        this IHostApplicationBuilder builder, string database, Assembly migrationsAssembly)
    {
        DapperTimestamps.Register();
        builder.Services.AddSingleton(new ServiceDatabase(database, migrationsAssembly));
        builder.Services.AddSingleton(services =>
        {
            var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString(database)
                ?? throw new InvalidOperationException(
                    $"Connection string '{database}' is missing: set ConnectionStrings__{database}.");
            var dataSource = new NpgsqlDataSourceBuilder(connectionString)
            {
                Name = database,
            };
            // A service runs the same few dozen statements over and over (the outbox and inbox on every message):
            // prepared after their fifth use, they skip PostgreSQL's parse and plan. A connection string may say otherwise.
            if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
            {
                dataSource.ConnectionStringBuilder.MaxAutoPrepare = 64;
            }
            dataSource.UseLoggerFactory(services.GetRequiredService<ILoggerFactory>());
            return dataSource.Build();
        });
        // Registered before messaging so the schema exists before any consumer or relay runs.
        builder.Services.AddHostedService<MigrationRunner>();
        return builder;
    }
}

/// <summary>Which database a service owns and where its migrations are embedded.</summary>
public sealed record ServiceDatabase(string Name, Assembly MigrationsAssembly);
