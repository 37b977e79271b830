using System.Diagnostics;
using OpenTelemetry.Trace;
using Studios.Messaging.Tests.Ledger;
using Studios.Messaging.Tests.Support;
using Studios.Testing;

namespace Studios.Messaging.Tests;

/// <summary>What the messaging core exports as traces, through the service's real OpenTelemetry pipeline: nothing while
/// idle (relay polls, LISTEN, cleanup looks), one span with its SQL as children for a pass that did work; the metrics
/// count every pass. Alone: Npgsql's and our activity sources are process-wide, so a tracer provider also sees the spans of
/// the other tests' hosts while they run.</summary>
[Collection(Name)]
public sealed class IdleTelemetryTests
{
    public const string Name = "idle telemetry, alone";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_idle_service_exports_no_traces_and_a_pass_that_worked_is_one_span_with_its_sql()
    {
        await using var env = await TestEnvironment.CreateAsync("idletelemetry", LedgerHost.Database);
        var database = new LedgerDatabase(env.DatabaseConnectionString(LedgerHost.Database));
        var exported = new List<Activity>();
        await using var ledger = await LedgerHost.StartAsync(env.DatabaseConnectionString(LedgerHost.Database), env.MessagingConnectionString,
            new LedgerProbe(), settings: new Dictionary<string, string?>
            {
                ["Messaging:RelayPollInterval"] = "00:00:00.050",
                ["Messaging:NotifyOnEnqueue"] = "true",
                ["Messaging:SentRetention"] = "00:00:01",
                ["Messaging:InboxRetention"] = "00:00:01",
            },
            services: services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported)));
        using var metrics = new MetricRecorder(ledger.Services);

        // Work: 20 events published and consumed, their rows deleted once their retention is over.
        await LedgerWriter.RecordAsync(ledger.Services, 20, perTransaction: 20);
        await Eventually.TrueAsync(async () => await database.ScalarAsync("SELECT count(*) FROM outbox") == 0
                                               && await database.ScalarAsync("SELECT count(*) FROM inbox") == 0
                                               && await database.EffectsAsync() == 20, Patience, "the events to be applied and cleaned up");
        List<Activity> worked;
        lock (exported) worked = [.. exported];
        AssertPassSpan(worked, "outbox relay", "UPDATE outbox");
        AssertPassSpan(worked, "outbox cleanup", "DELETE FROM outbox");

        // Idle: many polls and looks later, nothing more was exported.
        lock (exported) exported.Clear();
        var (relayIdle, cleanupIdle) = (Idle(metrics, "relay"), Idle(metrics, "cleanup"));
        await Eventually.TrueAsync(() => Idle(metrics, "relay") >= relayIdle + 20 && Idle(metrics, "cleanup") >= cleanupIdle + 3, Patience,
            "the relay and the cleanup to pass idle again and again");
        lock (exported) Assert.Empty(exported.Select(span => $"{span.Source.Name}: {span.DisplayName}"));
    }

    private static long Idle(MetricRecorder metrics, string pass) => metrics.Total("outbox.passes", $"pass={pass},outcome=idle");

    /// <summary>A root span named <paramref name="name"/> with an SQL child running <paramref name="sql"/>.</summary>
    private static void AssertPassSpan(IReadOnlyList<Activity> spans, string name, string sql)
    {
        var pass = spans.Where(span => span.DisplayName == name && span.Parent is null && span.ParentSpanId == default).ToList();
        Assert.NotEmpty(pass);
        Assert.Contains(spans, span => pass.Any(p => p.SpanId == span.ParentSpanId) && span.Source.Name == "Npgsql"
                                       && span.TagObjects.Any(tag => tag.Value is string text && text.Contains(sql, StringComparison.Ordinal)));
    }
}

[CollectionDefinition(IdleTelemetryTests.Name, DisableParallelization = true)]
public sealed class IdleTelemetryCollection;
