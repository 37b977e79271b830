using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Studios.ServiceDefaults.Messaging;

/// <summary>The service's liveness as the bus watchdog sees it. When restarts of the bus in a row did not end a stall
/// (MassTransit can lose an endpoint whose stop had to be cut short), only a new process helps: /alive turns unhealthy
/// and the orchestrator restarts the service; the outbox and the broker keep everything meanwhile.</summary>
public sealed class BusWatchdogHealth : IHealthCheck
{
    public const int RestartsBeforeGivingUp = 3;

    private int _restartsInARow;

    /// <summary>The watchdog gave up on repairing the bus in-process.</summary>
    public bool GaveUp => Volatile.Read(ref _restartsInARow) >= RestartsBeforeGivingUp;

    /// <summary>The watchdog restarted the bus over a stall.</summary>
    public void Restarted() => Interlocked.Increment(ref _restartsInARow);

    /// <summary>The watchdog found nothing stalled: the last restart, if any, worked.</summary>
    public void NothingStalled() => Volatile.Write(ref _restartsInARow, 0);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(GaveUp
            ? HealthCheckResult.Unhealthy($"The bus stalled and {RestartsBeforeGivingUp} restarts in a row did not bring it back: restart the process.")
            : HealthCheckResult.Healthy());
}
