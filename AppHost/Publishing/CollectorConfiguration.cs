using System.Globalization;

namespace Studios.AppHost.Publishing;

/// <summary>
/// The OpenTelemetry Collector's config.yaml: OTLP in from every service (and RabbitMQ's per-queue depth scraped from
/// its Prometheus plugin), out to the configured backend, and metrics also on a Prometheus endpoint for the dashboards.
/// </summary>
public static class CollectorConfiguration
{
    public const string BackendExporterPrefix = "backend";
    public const string PrometheusExporter = "prometheus";
    public const int RabbitMqPrometheusPort = 15692;

    public static Dictionary<string, object> Build(ManifestModel model, PublishSettings settings)
    {
        var backend = BackendExporter(settings);
        var brokers = model.Brokers;

        var receivers = new Dictionary<string, object>
        {
            ["otlp"] = new Dictionary<string, object>
            {
                ["protocols"] = new Dictionary<string, object>
                {
                    ["grpc"] = new Dictionary<string, object> { ["endpoint"] = "0.0.0.0:4317" },
                    ["http"] = new Dictionary<string, object> { ["endpoint"] = "0.0.0.0:4318" },
                },
            },
        };
        List<string> metricReceivers = ["otlp"];
        if (brokers.Count > 0)
        {
            receivers["prometheus/rabbitmq"] = RabbitMqScrape(brokers);
            metricReceivers.Add("prometheus/rabbitmq");
        }

        List<string> processors = ["memory_limiter", "batch"];
        return new Dictionary<string, object>
        {
            ["extensions"] = new Dictionary<string, object>
            {
                ["health_check"] = new Dictionary<string, object> { ["endpoint"] = $"0.0.0.0:{InfrastructureManifests.CollectorHealthPort}" },
            },
            ["receivers"] = receivers,
            ["processors"] = new Dictionary<string, object>
            {
                // First in every pipeline: refuse data (the SDKs retry) rather than be killed for memory.
                ["memory_limiter"] = new Dictionary<string, object>
                {
                    ["check_interval"] = "1s",
                    ["limit_percentage"] = 80,
                    ["spike_limit_percentage"] = 20,
                },
                ["batch"] = new Dictionary<string, object>(),
            },
            ["exporters"] = new Dictionary<string, object>
            {
                [backend.Name] = backend.Settings,
                [PrometheusExporter] = new Dictionary<string, object>
                {
                    ["endpoint"] = $"0.0.0.0:{InfrastructureManifests.CollectorPrometheusPort}",
                    // service.version and service.instance.id become labels: a rolling update is visible per version.
                    ["resource_to_telemetry_conversion"] = new Dictionary<string, object> { ["enabled"] = true },
                    ["metric_expiration"] = "5m",
                },
            },
            ["service"] = new Dictionary<string, object>
            {
                ["extensions"] = new List<string> { "health_check" },
                ["pipelines"] = new Dictionary<string, object>
                {
                    ["traces"] = Pipeline(["otlp"], processors, [backend.Name]),
                    ["metrics"] = Pipeline(metricReceivers, processors, [backend.Name, PrometheusExporter]),
                    ["logs"] = Pipeline(["otlp"], processors, [backend.Name]),
                },
            },
        };
    }

    private static (string Name, Dictionary<string, object> Settings) BackendExporter(PublishSettings settings) => settings.TelemetryExporter switch
    {
        "otlp" => ($"otlp/{BackendExporterPrefix}", new Dictionary<string, object>
        {
            ["endpoint"] = settings.TelemetryEndpoint,
            ["tls"] = new Dictionary<string, object> { ["insecure"] = settings.TelemetryEndpoint.StartsWith("http://", StringComparison.Ordinal) },
        }),
        "otlphttp" => ($"otlphttp/{BackendExporterPrefix}", new Dictionary<string, object> { ["endpoint"] = settings.TelemetryEndpoint }),
        _ => ("debug", new Dictionary<string, object> { ["verbosity"] = "basic" }),
    };

    /// <summary>Per-queue depth (the _error queues among them) from the broker's detailed Prometheus endpoint.</summary>
    private static Dictionary<string, object> RabbitMqScrape(IEnumerable<string> brokers) => new()
    {
        ["config"] = new Dictionary<string, object>
        {
            ["scrape_configs"] = new List<object>
            {
                new Dictionary<string, object>
                {
                    ["job_name"] = "rabbitmq",
                    ["scrape_interval"] = "30s",
                    ["metrics_path"] = "/metrics/detailed",
                    ["params"] = new Dictionary<string, object> { ["family"] = new List<string> { "queue_coarse_metrics" } },
                    ["static_configs"] = new List<object>
                    {
                        new Dictionary<string, object>
                        {
                            ["targets"] = brokers.Select(b => $"{b}:{RabbitMqPrometheusPort.ToString(CultureInfo.InvariantCulture)}").ToList(),
                        },
                    },
                },
            },
        },
    };

    private static Dictionary<string, object> Pipeline(List<string> receivers, List<string> processors, List<string> exporters) => new()
    {
        ["receivers"] = receivers,
        ["processors"] = processors,
        ["exporters"] = exporters,
    };
}
