using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Studios.ServiceDefaults.Data;

namespace Studios.ServiceDefaults.Health;

/// <summary>Ready only when the service's own database answers a query.</summary>
internal sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource, ServiceDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"PostgreSQL database '{database.Name}' reachable.");
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL database '{database.Name}' unreachable: {exception.Message}");
        }
    }
}
