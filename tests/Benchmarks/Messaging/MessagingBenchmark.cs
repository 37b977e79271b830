using System.Globalization;
using Spectre.Console;
using Studios.Launchers;

namespace Studios.Benchmarks.Messaging;

/// <summary>Raw RabbitMQ.Client, plain MassTransit and the full outbox/inbox pipeline, one after the other on the
/// same freshly started broker and database.</summary>
public static class MessagingBenchmark
{
    /// <summary>A steady rate a busy service sees, where latency matters more than throughput.</summary>
    private const double SteadyRate = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = BenchSettings.Parse(args);
        var root = Path.Combine(Path.GetTempPath(), $"studios-bench-{Guid.NewGuid():N}"[..30]);
        AnsiConsole.MarkupLine($"[grey]starting RabbitMQ and PostgreSQL under {root}[/]");
        await using var broker = await RabbitMqServer.StartAsync(new RabbitMqOptions(Path.Combine(root, "rabbitmq"), FreePort.Next(),
            FreePort.Next(), FreePort.Next(), $"bench-{Environment.ProcessId}") { DeleteDataOnDispose = true });
        await using var postgres = await PostgresServer.StartAsync(new PostgresOptions(Path.Combine(root, "postgres"), FreePort.Next())
            { DeleteDataOnDispose = true });
        var database = await postgres.EnsureDatabaseAsync("bench", "bench", Guid.NewGuid().ToString("N"));
        await broker.CreateVirtualHostAsync("pipeline");

        // Warm-up: JIT, connections, topology; not measured.
        var warmUp = settings with { Events = 2_000 };
        await RawRabbitScenario.RunAsync(broker.AmqpUri(), warmUp);
        await MassTransitScenario.RunAsync(broker.AmqpUri(), warmUp);

        var tuning = Tuning(args);
        await using var pipeline = await PipelineScenario.StartAsync(database, broker.ConnectionString("pipeline"), settings, tuning);
        await pipeline.MaximumAsync(2_000, perTransaction: 20);
        await pipeline.MaximumAsync(2_000, perTransaction: 20, perMessage: true);
        // A first full-size round, not measured: the runtime recompiles hot code optimised only after a while, and a
        // measured first round ran a third slower than the next ones.
        await RawRabbitScenario.RunAsync(broker.AmqpUri(), settings);
        await MassTransitScenario.RunAsync(broker.AmqpUri(), settings);
        await pipeline.MaximumAsync(settings.Events, perTransaction: 20);

        // Rounds interleave the three scenarios, so a slow moment of the machine hits all of them; the medians are compared.
        var rounds = new List<(ScenarioResult Raw, ScenarioResult Plain, ScenarioResult Full)>();
        for (var round = 1; round <= settings.Rounds; round++)
        {
            var raw = await ScenarioResult.MeasureAsync(() => RawRabbitScenario.RunAsync(broker.AmqpUri(), settings), broker.ProcessId, postgres.ProcessId);
            var plain = await ScenarioResult.MeasureAsync(() => MassTransitScenario.RunAsync(broker.AmqpUri(), settings), broker.ProcessId, postgres.ProcessId);
            var full = await ScenarioResult.MeasureAsync(() => pipeline.MaximumAsync(settings.Events, perTransaction: 20), broker.ProcessId, postgres.ProcessId);
            rounds.Add((raw, plain, full));
            AnsiConsole.MarkupLine($"[grey]round {round}: raw {raw.PerSecond:N0}/s, MassTransit {plain.PerSecond:N0}/s ({plain.PerSecond / raw.PerSecond:N2}), " +
                                   $"pipeline {full.PerSecond:N0}/s ({full.PerSecond / raw.PerSecond:N2})[/]");
        }
        var medianRaw = Median(rounds.Select(r => r.Raw));
        var medianPlain = Median(rounds.Select(r => r.Plain));
        var medianFull = Median(rounds.Select(r => r.Full));
        var perMessage = await ScenarioResult.MeasureAsync(() => pipeline.MaximumAsync(settings.Events, perTransaction: 20, perMessage: true), broker.ProcessId, postgres.ProcessId);
        var rate = Math.Round(medianFull.PerSecond / 2);
        var atHalf = await pipeline.LatencyAsync(rate, settings.LatencySeconds);
        var atSteady = await pipeline.LatencyAsync(SteadyRate, settings.LatencySeconds);

        if (AnsiConsole.Profile.Width < 140) AnsiConsole.Profile.Width = 140; // one line per row, also when redirected
        var table = new Table().Title($"Messaging on {Environment.ProcessorCount} cores: {settings.Events:N0} events each, median of {settings.Rounds} rounds, " +
                                      $"prefetch {settings.Prefetch}, consumer concurrency {settings.Concurrency}, publish window {settings.PublishWindow}")
            .AddColumn("scenario").AddColumn(new TableColumn("events/s").RightAligned())
            .AddColumn(new TableColumn("seconds").RightAligned()).AddColumn(new TableColumn("ratio to raw").RightAligned())
            .AddColumn(new TableColumn("CPU µs/event: .NET").RightAligned()).AddColumn(new TableColumn("RabbitMQ").RightAligned())
            .AddColumn(new TableColumn("PostgreSQL").RightAligned());
        foreach (var result in new[] { medianRaw, medianPlain, medianFull, perMessage })
        {
            table.AddRow(Markup.Escape(result.Name), result.PerSecond.ToString("N0", CultureInfo.InvariantCulture),
                result.Elapsed.TotalSeconds.ToString("N2", CultureInfo.InvariantCulture),
                (result.PerSecond / medianRaw.PerSecond).ToString("N2", CultureInfo.InvariantCulture),
                result.Micros(result.ProcessCpu).ToString("N0", CultureInfo.InvariantCulture),
                result.Micros(result.BrokerCpu).ToString("N0", CultureInfo.InvariantCulture),
                result.Micros(result.DatabaseCpu).ToString("N0", CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(table);
        var latencies = new Table().Title("Full pipeline, enqueue (commit) -> effect (consumer committed), one event per transaction")
            .AddColumn("rate").AddColumn(new TableColumn("events").RightAligned())
            .AddColumn(new TableColumn("p50 ms").RightAligned()).AddColumn(new TableColumn("p99 ms").RightAligned());
        foreach (var (name, latency) in new[] { ($"{rate:N0}/s (half the maximum)", atHalf), ($"{SteadyRate:N0}/s (steady)", atSteady) })
        {
            latencies.AddRow(Markup.Escape(name), latency.Events.ToString("N0", CultureInfo.InvariantCulture),
                latency.P50.ToString("N1", CultureInfo.InvariantCulture), latency.P99.ToString("N1", CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(latencies);
        AnsiConsole.MarkupLine($"[grey]pipeline settings: {string.Join(", ", tuning.Select(pair => $"{pair.Key}={pair.Value}"))}[/]");
        return 0;
    }

    private static ScenarioResult Median(IEnumerable<ScenarioResult> results)
    {
        var sorted = results.OrderBy(result => result.PerSecond).ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>Messaging options for the pipeline: any --Messaging:Name value pair on the command line.</summary>
    private static Dictionary<string, string?> Tuning(string[] args)
    {
        var tuning = new Dictionary<string, string?>();
        for (var i = 0; i + 1 < args.Length; i++)
            if (args[i].StartsWith("--Messaging:", StringComparison.Ordinal)) tuning[args[i][2..]] = args[i + 1];
        return tuning;
    }
}
