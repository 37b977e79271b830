namespace Studios.Benchmarks.Messaging;

/// <summary>One run's parameters; every scenario gets the same prefetch and publish window.</summary>
public sealed record BenchSettings(int Events, int LatencySeconds, int Prefetch, int Concurrency, int PublishWindow, int Rounds)
{
    public static BenchSettings Parse(string[] args)
    {
        int Read(string name, int fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
        }
        return new BenchSettings(Read("--events", 20_000), Read("--latency-seconds", 10), Read("--prefetch", 64),
            Read("--concurrency", 16), Read("--window", 256), Math.Max(1, Read("--rounds", 3)));
    }
}

public sealed record ScenarioResult(string Name, int Events, TimeSpan Elapsed)
{
    public double PerSecond => Events / Elapsed.TotalSeconds;

    /// <summary>CPU spent on the scenario by this .NET process (publishers, relay, consumers), RabbitMQ and PostgreSQL.</summary>
    public TimeSpan ProcessCpu { get; init; }
    public TimeSpan BrokerCpu { get; init; }
    public TimeSpan DatabaseCpu { get; init; }

    public double Micros(TimeSpan cpu) => cpu.TotalMicroseconds / Events;

    /// <summary>Runs a scenario and notes the CPU it took, per process.</summary>
    public static async Task<ScenarioResult> MeasureAsync(Func<Task<ScenarioResult>> scenario, int? brokerPid, int? databasePid)
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var (ownBefore, brokerBefore, databaseBefore) = (process.TotalProcessorTime, ServerCpu.Of(brokerPid), ServerCpu.Of(databasePid));
        var result = await scenario();
        process.Refresh();
        return result with
        {
            ProcessCpu = process.TotalProcessorTime - ownBefore,
            BrokerCpu = ServerCpu.Of(brokerPid) - brokerBefore,
            DatabaseCpu = ServerCpu.Of(databasePid) - databaseBefore,
        };
    }
}

internal static class Payload
{
    public static BenchEventHappened Next() => new(Guid.NewGuid(), Guid.NewGuid(), "Morning practice circle", DateTimeOffset.UtcNow);
}
