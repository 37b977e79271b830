using Microsoft.Extensions.Configuration;
using Studios.AppHost.Publishing;
using Studios.Deployment.Tests.Support;
using YamlDotNet.Serialization;

namespace Studios.Deployment.Tests;

/// <summary>The OpenTelemetry Collector's config.yaml: OTLP in, the configured backend out, every pipeline wired.</summary>
[Collection(PublishedCollection.Name)]
public sealed class CollectorConfigurationTests(PublishedSystem published)
{
    [Fact]
    public void It_receives_OTLP_over_gRPC_and_HTTP_on_the_standard_ports()
    {
        var config = Read(File.ReadAllText(Path.Combine(published.InfrastructureFolder, "config/otel-collector.yaml")));
        var protocols = Map(Map(Map(config["receivers"])["otlp"])["protocols"]);
        Assert.Equal("0.0.0.0:4317", Map(protocols["grpc"])["endpoint"]);
        Assert.Equal("0.0.0.0:4318", Map(protocols["http"])["endpoint"]);
    }

    [Theory]
    [InlineData("otlphttp", "https://otlp.example.org:4318", "otlphttp/backend")]
    [InlineData("otlp", "http://tempo.monitoring:4317", "otlp/backend")]
    [InlineData("debug", "", "debug")]
    public void Traces_metrics_and_logs_go_to_the_configured_exporter(string exporter, string endpoint, string exporterName)
    {
        var settings = PublishSettings.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Publish:TelemetryExporter"] = exporter,
            ["Publish:TelemetryEndpoint"] = endpoint,
        }).Build());
        var config = Read(new SerializerBuilder().Build().Serialize(CollectorConfiguration.Build(SystemModel.Describe(), settings)));

        var exporters = Map(config["exporters"]);
        Assert.True(exporters.ContainsKey(exporterName), $"no exporter {exporterName}");
        if (endpoint.Length > 0) Assert.Equal(endpoint, Map(exporters[exporterName])["endpoint"]);

        var pipelines = Map(Map(config["service"])["pipelines"]);
        Assert.Equal(["logs", "metrics", "traces"], pipelines.Keys.Order());
        foreach (var (name, pipeline) in pipelines)
        {
            var stages = Map(pipeline);
            Assert.Contains(exporterName, List(stages["exporters"]));
            // Everything a pipeline names is defined.
            foreach (var section in new[] { "receivers", "processors", "exporters" })
                foreach (var component in List(stages[section]))
                    Assert.True(Map(config[section]).ContainsKey(component), $"pipeline {name} uses undefined {section} {component}");
            Assert.Equal("memory_limiter", List(stages["processors"])[0]);
        }
        Assert.Contains(CollectorConfiguration.PrometheusExporter, List(Map(pipelines["metrics"])["exporters"]));
    }

    [Fact]
    public void It_scrapes_the_broker_for_per_queue_depth_so_error_queues_are_visible()
    {
        var config = Read(File.ReadAllText(Path.Combine(published.InfrastructureFolder, "config/otel-collector.yaml")));
        var scrape = Map(List<object>(Map(Map(Map(config["receivers"])["prometheus/rabbitmq"])["config"])["scrape_configs"])[0]);
        Assert.Equal("/metrics/detailed", scrape["metrics_path"]);
        Assert.Contains("queue_coarse_metrics", List(Map(scrape["params"])["family"]));
        Assert.Contains("prometheus/rabbitmq", List(Map(Map(Map(config["service"])["pipelines"])["metrics"])["receivers"]));
    }

    private static Dictionary<object, object> Read(string yaml) => new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(yaml);

    private static Dictionary<string, object> Map(object value) =>
        ((Dictionary<object, object>)value).ToDictionary(e => (string)e.Key, e => e.Value);

    private static List<string> List(object value) => List<string>(value);

    private static List<T> List<T>(object value) => [.. ((List<object>)value).Cast<T>()];
}
