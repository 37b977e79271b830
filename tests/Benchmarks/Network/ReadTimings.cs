using System.Diagnostics;
using System.Net;

namespace Studios.Benchmarks.Network;

/// <summary>One read measured: <c>requests</c> calls by a fixed number of concurrent clients, each call's latency;
/// any answer other than the expected status stops the measurement (a fast error is no measurement).</summary>
public sealed record ReadTiming(string Service, string Read, int Requests, double P50, double P99)
{
    public static async Task<ReadTiming> MeasureAsync(string service, string read, int requests, int clients,
        Func<int, Task<(HttpStatusCode Status, string Body)>> call, HttpStatusCode expected = HttpStatusCode.OK)
    {
        // Warm up (connections, JIT, the database's caches) before measuring.
        for (var i = 0; i < Math.Min(clients, requests); i++) Check(await call(i));
        var latencies = new double[requests];
        await Parallel.ForEachAsync(Enumerable.Range(0, requests), new ParallelOptions { MaxDegreeOfParallelism = clients }, async (i, _) =>
        {
            var started = Stopwatch.GetTimestamp();
            var answer = await call(i);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Check(answer);
        });
        Array.Sort(latencies);
        return new ReadTiming(service, read, requests, Percentile(latencies, 0.50), Percentile(latencies, 0.99));

        void Check((HttpStatusCode Status, string Body) answer)
        {
            if (answer.Status != expected)
                throw new InvalidOperationException($"{service} {read} answered {(int)answer.Status}: {answer.Body[..Math.Min(400, answer.Body.Length)]}");
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
