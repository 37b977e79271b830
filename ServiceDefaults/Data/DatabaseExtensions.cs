using System.Reflection;
using Npgsql;

namespace Studios.ServiceDefaults.Data;

public static class DatabaseExtensions
{
    /// <summary>One NpgsqlDataSource for the service's own database (ConnectionStrings:&lt;database&gt;), and its
    /// embedded Data/Migrations/NNNN_*.sql applied by DbUp before anything else starts.</summary>
    public static IHostApplicationBuilder AddStudiosDatabase(
        this IHostApplicationBuilder builder, string database, Assembly migrationsAssembly)
    {
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
