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
}

internal static class Payload
{
    public static BenchEventHappened Next() => new(Guid.NewGuid(), Guid.NewGuid(), "Morning practice circle", DateTimeOffset.UtcNow);
}
