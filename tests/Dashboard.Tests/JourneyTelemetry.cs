using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Studios.Dashboard.Tests;

/// <summary>Telemetry shaped like the system's: a steward approves a studio in Stewardship, the event is published through
/// the outbox and consumed by Membership and Scheduling: one trace over three services, with their logs. Each service
/// exports with its own OpenTelemetry SDK providers over OTLP/HTTP, as the real services do.</summary>
internal sealed class JourneyTelemetry
{
    public const int ApprovalSpanCount = 10;
    public const int ApprovalLogCount = 4;

    public required string ApprovalTraceId { get; init; }

    public static JourneyTelemetry Send(DashboardHost host)
    {
        var t0 = DateTime.UtcNow.AddSeconds(-5);
        var previous = Activity.Current;
        Activity.Current = null;
        string approvalTraceId;
        using (var stewardship = new Service(host, "stewardship"))
        using (var membership = new Service(host, "membership"))
        using (var scheduling = new Service(host, "scheduling"))
        using (var practice = new Service(host, "practice-content"))
        {
            var approve = stewardship.Span("POST /studios/{studioId}/approve", ActivityKind.Server, default, t0, 180, new()
            {
                ["http.request.method"] = "POST", ["http.route"] = "/studios/{studioId}/approve", ["url.path"] = "/studios/7f3c/approve",
                ["http.response.status_code"] = 202, ["enduser.role"] = "steward",
            });
            approvalTraceId = approve.TraceId.ToHexString();
            stewardship.Log(approve, LogLevel.Information, "Studio {StudioId} approved by steward {StewardId}", "7f3c", "steward-12");
            Db(stewardship, approve, "UPDATE studios", t0.AddMilliseconds(12), 9, "UPDATE studios SET state = 'Active', approved_at = now() WHERE id = @id AND state = 'Proposed'");
            Db(stewardship, approve, "INSERT outbox_messages", t0.AddMilliseconds(23), 4, "INSERT INTO outbox_messages (id, type, body) VALUES (@id, @type, @body)");
            var publish = stewardship.Span("StudioApproved publish", ActivityKind.Producer, approve.Context, t0.AddMilliseconds(35), 6, new()
            {
                ["messaging.system"] = "rabbitmq", ["messaging.operation.type"] = "publish",
                ["messaging.destination.name"] = "Studios.Stewardship.Contracts:StudioApproved",
            });
            stewardship.Log(publish, LogLevel.Debug, "Outbox relayed {Count} message(s)", 1);

            var joined = membership.Span("StudioApproved receive", ActivityKind.Consumer, publish.Context, t0.AddMilliseconds(48), 60, Consume("membership"));
            Db(membership, joined, "INSERT inbox_messages", t0.AddMilliseconds(52), 3, "INSERT INTO inbox_messages (message_id, consumer) VALUES (@id, @consumer) ON CONFLICT DO NOTHING");
            Db(membership, joined, "UPDATE rosters", t0.AddMilliseconds(58), 11, "UPDATE rosters SET open = true WHERE studio_id = @studioId");
            membership.Log(joined, LogLevel.Information, "Roster opened for studio {StudioId} with founding facilitator {FacilitatorId}", "7f3c", "person-3");

            var sessions = scheduling.Span("StudioApproved receive", ActivityKind.Consumer, publish.Context, t0.AddMilliseconds(55), 95, Consume("scheduling"),
                new ActivityEvent("message.acknowledged", new DateTimeOffset(t0.AddMilliseconds(149))));
            Db(scheduling, sessions, "INSERT inbox_messages", t0.AddMilliseconds(60), 3, "INSERT INTO inbox_messages (message_id, consumer) VALUES (@id, @consumer) ON CONFLICT DO NOTHING");
            Db(scheduling, sessions, "UPDATE studio_calendars", t0.AddMilliseconds(66), 20, "UPDATE studio_calendars SET sessions_allowed = true WHERE studio_id = @studioId");
            scheduling.Log(sessions, LogLevel.Information, "Sessions may now be scheduled for studio {StudioId}", "7f3c");

            // Other traffic around it, so filters have something to leave out.
            var people = membership.Span("GET /people/{personId}", ActivityKind.Server, default, t0.AddMilliseconds(400), 8, new() { ["http.response.status_code"] = 200 });
            membership.Log(people, LogLevel.Information, "Person {PersonId} read", "person-3");
            scheduling.Span("GET /studios/{studioId}/sessions", ActivityKind.Server, default, t0.AddMilliseconds(600), 25, new() { ["http.response.status_code"] = 200 });
            var failed = practice.Span("POST /practices", ActivityKind.Server, default, t0.AddMilliseconds(800), 42, new() { ["http.response.status_code"] = 500 });
            failed.SetStatus(ActivityStatusCode.Error, "duplicate practice slug");
            practice.Log(failed, LogLevel.Error, "Publishing practice {Slug} failed: duplicate slug", "morning-pages");
            membership.Log(null, LogLevel.Warning, "Waitlist for studio {StudioId} has {Count} people", "7f3c", 3);

            membership.RecordMetrics();
        }
        Activity.Current = previous;
        return new JourneyTelemetry { ApprovalTraceId = approvalTraceId };
    }

    private static Dictionary<string, object?> Consume(string service) => new()
    {
        ["messaging.system"] = "rabbitmq", ["messaging.operation.type"] = "process",
        ["messaging.destination.name"] = $"{service}-studio-approved", ["messaging.consumer.group.name"] = service,
    };

    private static void Db(Service service, Activity parent, string name, DateTime start, double ms, string sql) =>
        service.Span(name, ActivityKind.Client, parent.Context, start, ms, new()
        {
            ["db.system.name"] = "postgresql", ["db.namespace"] = service.Name.Replace('-', '_'), ["db.query.text"] = sql,
        });

    /// <summary>One service's providers: spans, logs and metrics exported over OTLP/HTTP under its own resource.</summary>
    private sealed class Service : IDisposable
    {
        private readonly ActivitySource source;
        private readonly TracerProvider tracing;
        private readonly ILoggerFactory logging;
        private readonly ILogger logger;
        private readonly Meter meter;
        private readonly MeterProvider metrics;
        private readonly List<Activity> spans = [];

        public Service(DashboardHost host, string name)
        {
            Name = name;
            var resource = ResourceBuilder.CreateEmpty().AddService(name, serviceInstanceId: name + "-1");
            // Named as the services name theirs (Studios.PracticeContent); only this test listens to them.
            var pascal = string.Concat(name.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
            source = new ActivitySource("Studios." + pascal);
            meter = new Meter("Studios." + pascal);
            tracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(source.Name)
                .AddOtlpExporter(o => Http(o, host, "/v1/traces")).Build();
            metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(meter.Name)
                .AddOtlpExporter((o, reader) => { Http(o, host, "/v1/metrics"); reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 60_000; })
                .Build();
            logging = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddOpenTelemetry(o =>
            {
                o.SetResourceBuilder(resource);
                o.IncludeFormattedMessage = true;
                o.AddOtlpExporter(e => Http(e, host, "/v1/logs"));
            }));
            logger = logging.CreateLogger(source.Name + ".Consumers");
        }

        public string Name { get; }

        public Activity Span(string name, ActivityKind kind, ActivityContext parent, DateTime start, double ms,
            Dictionary<string, object?> tags, params ActivityEvent[] events)
        {
            Activity.Current = null;
            var span = source.StartActivity(name, kind, parent, tags, startTime: new DateTimeOffset(start))!;
            foreach (var e in events)
            {
                span.AddEvent(e);
            }
            span.SetEndTime(start.AddMilliseconds(ms));
            spans.Add(span);
            Activity.Current = null;
            return span;
        }

        public void Log(Activity? during, LogLevel level, string message, params object?[] args)
        {
            Activity.Current = during;
#pragma warning disable CA2254 // The templates are the journey's, fixed above.
            logger.Log(level, message, args);
#pragma warning restore CA2254
            Activity.Current = null;
        }

        public void RecordMetrics()
        {
            var joined = meter.CreateCounter<long>("studios.members.joined", description: "People who joined a studio");
            var duration = meter.CreateHistogram<double>("http.server.request.duration", unit: "s", description: "Duration of HTTP server requests");
            var random = new Random(7);
            for (var round = 0; round < 4; round++)
            {
                joined.Add(2 + round, new KeyValuePair<string, object?>("studio.role", "participant"));
                for (var i = 0; i < 40; i++)
                {
                    duration.Record(0.004 + random.NextDouble() * 0.03 * (round + 1), new KeyValuePair<string, object?>("http.route", "/people/{personId}"));
                }
                metrics.ForceFlush(5_000);
            }
        }

        public void Dispose()
        {
            foreach (var span in Enumerable.Reverse(spans))
            {
                span.Stop();
            }
            tracing.ForceFlush(5_000);
            tracing.Dispose();
            logging.Dispose();
            metrics.Dispose();
            meter.Dispose();
            source.Dispose();
        }

        private static void Http(OtlpExporterOptions options, DashboardHost host, string path)
        {
            options.Protocol = OtlpExportProtocol.HttpProtobuf;
            options.Endpoint = new Uri(host.OtlpHttpEndpoint + path);
            options.ExportProcessorType = ExportProcessorType.Simple;
        }
    }
}
