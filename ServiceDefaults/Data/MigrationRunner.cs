using DbUp;
using DbUp.Engine;
using DbUp.Engine.Output;
using Npgsql;
using Polly;
using Polly.Retry;

namespace Studios.ServiceDefaults.Data;

/// <summary>Applies the service's embedded migrations at start-up. An advisory lock serialises instances
/// starting at once; the database may still be starting, so connecting is retried for a while.</summary>
internal sealed class MigrationRunner(
    NpgsqlDataSource dataSource, ServiceDatabase database, IConfiguration configuration, ILogger<MigrationRunner> logger)
    : IHostedService
{
    // Any constant works; it only has to be the same for every instance of every service.
    private const long MigrationLockKey = 0x5354_5544_494F_53; // "STUDIOS"

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(e => e.IsTransient),
                MaxRetryAttempts = 20,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(250),
                MaxDelay = TimeSpan.FromSeconds(3),
                OnRetry = args =>
                {
                    logger.LogWarning("Database {Database} not reachable yet (attempt {Attempt}): {Reason}",
                        database.Name, args.AttemptNumber + 1, args.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

        await pipeline.ExecuteAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
            {
                lockCommand.Parameters.AddWithValue("key", MigrationLockKey);
                await lockCommand.ExecuteNonQueryAsync(ct);
            }
            try
            {
                Upgrade();
            }
            finally
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                unlock.Parameters.AddWithValue("key", MigrationLockKey);
                await unlock.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Upgrade()
    {
        var upgrader = DeployChanges.To
            // The data source hides the password from its ConnectionString, so DbUp gets the configured one.
            .PostgresqlDatabase(configuration.GetConnectionString(database.Name))
            // The shared tables (outbox, inbox, idempotency) first, then the service's own scripts in name order.
            .WithScriptsEmbeddedInAssembly(typeof(MigrationRunner).Assembly,
                name => name.Contains(".Migrations.", StringComparison.Ordinal), new SqlScriptOptions { RunGroupOrder = 0 })
            .WithScriptsEmbeddedInAssembly(database.MigrationsAssembly,
                name => name.Contains(".Data.Migrations.", StringComparison.Ordinal), new SqlScriptOptions { RunGroupOrder = 1 })
            .WithTransactionPerScript()
            .LogTo(new MigrationLog(logger))
            .Build();

        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Migration {result.ErrorScript?.Name} of database {database.Name} failed: {result.Error.Message}", result.Error);
        }
        logger.LogInformation("Database {Database} is up to date ({Count} scripts applied now)",
            database.Name, result.Scripts.Count());
    }

    private sealed class MigrationLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) { }
        public void LogDebug(string format, params object[] args) => logger.LogDebug(format, args);
        public void LogInformation(string format, params object[] args) => logger.LogInformation(format, args);
        public void LogWarning(string format, params object[] args) => logger.LogWarning(format, args);
        public void LogError(string format, params object[] args) => logger.LogError(format, args);
        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, format, args);
    }
}
