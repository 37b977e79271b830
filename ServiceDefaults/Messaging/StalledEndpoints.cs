using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Studios.ServiceDefaults.Messaging;

/// <summary>The receive endpoints the stall detector last found stalled; /alive is unhealthy while there are any, so the
/// orchestrator replaces the process (the broker keeps the messages, the outbox what was not published).</summary>
public sealed class StalledEndpoints : IHealthCheck
{
    private volatile IReadOnlyList<string> _queues = [];

    public IReadOnlyList<string> Queues => _queues;

    /// <summary>Replaces the set; returns the queues that were not stalled before.</summary>
    public IReadOnlyList<string> Update(IReadOnlyList<string> queues)
    {
        var before = _queues;
        _queues = queues;
        return [.. queues.Except(before, StringComparer.Ordinal)];
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var queues = _queues;
        return Task.FromResult(queues.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Receive endpoints stalled (messages ready, none received): {string.Join(", ", queues)}. Restart the process."));
    }
}
