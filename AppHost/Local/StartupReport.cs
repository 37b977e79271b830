using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Studios.AppHost.Local;

/// <summary>Says when every resource is running and healthy and how long that took from the AppHost's start (the figure
/// the README's start-up times are read from); until then, every half minute, which ones it is still waiting for.</summary>
internal sealed class StartupReport(
    DistributedApplicationModel model, ResourceNotificationService notifications, IConfiguration configuration, ILogger<StartupReport> logger)
    : BackgroundService
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(30);

    private static TimeSpan SinceStart() => DateTime.Now - Process.GetCurrentProcess().StartTime;

    /// <summary>With --Logging:LogLevel:Studios.AppHost.Local=Debug, when each resource started and became ready: where a
    /// slow start spends its time.</summary>
    public static void LogTimeline(IDistributedApplicationBuilder builder)
    {
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>((e, _) => Log(e.Services, e.Resource, "starting"));
        builder.Eventing.Subscribe<ResourceReadyEvent>((e, _) => Log(e.Services, e.Resource, "ready"));
    }

    private static Task Log(IServiceProvider services, IResource resource, string what)
    {
        services.GetRequiredService<ILogger<StartupReport>>().LogDebug("{Resource} {What} {Seconds:0.0} s after the AppHost started",
            resource.Name, what, SinceStart().TotalSeconds);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var waiting = model.Resources.Where(resource => resource is not ParameterResource).Select(resource => resource.Name).ToHashSet();
        var latest = new Dictionary<string, CustomResourceSnapshot>();

        var nextReport = Stopwatch.StartNew();
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                latest[update.Resource.Name] = update.Snapshot;
                // Hidden resources (Aspire's project rebuilders) run only on request.
                if (update.Snapshot.IsHidden
                    || (update.Snapshot.State?.Text == KnownResourceStates.Running && update.Snapshot.HealthStatus is null or HealthStatus.Healthy))
                    waiting.Remove(update.Resource.Name);
                if (waiting.Count == 0) break;
                if (nextReport.Elapsed > ReportEvery)
                {
                    nextReport.Restart();
                    logger.LogInformation("Waiting for {Resources}", string.Join(", ", waiting.Order().Select(name =>
                        latest.TryGetValue(name, out var s) ? $"{name} ({s.State?.Text ?? "not started"}, {s.HealthStatus?.ToString() ?? "no health yet"})" : name)));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        logger.LogInformation("Studios is up: every resource is running and healthy, {Seconds:0.0} s after the AppHost started", SinceStart().TotalSeconds);
        logger.LogInformation("The dashboard's telemetry API: {Url}/api/telemetry/traces (header X-API-Key: {Key})",
            configuration["ASPNETCORE_URLS"], configuration["AppHost:DashboardApiKey"]);
    }
}
