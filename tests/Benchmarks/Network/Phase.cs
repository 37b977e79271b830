using System.Diagnostics;
using Spectre.Console;

namespace Studios.Benchmarks.Network;

/// <summary>One step of the seed: <c>count</c> pieces of work by a fixed number of concurrent clients, with a progress
/// line every two seconds and the rate at the end.</summary>
public static class Phase
{
    public static async Task<double> RunAsync(string name, int count, int clients, Func<int, CancellationToken, Task> work)
    {
        var done = 0;
        var clock = Stopwatch.StartNew();
        // Disposing the timer ends the progress loop: its pending wait then returns false.
        var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        var progress = Task.Run(async () =>
        {
            while (await timer.WaitForNextTickAsync())
            {
                var now = Volatile.Read(ref done);
                AnsiConsole.MarkupLine($"  {name}: {now:N0}/{count:N0} ({now / clock.Elapsed.TotalSeconds:N0}/s)");
            }
        });
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = clients }, async (i, ct) =>
            {
                await work(i, ct);
                Interlocked.Increment(ref done);
            });
        }
        finally
        {
            timer.Dispose();
            await progress;
        }
        var rate = count / clock.Elapsed.TotalSeconds;
        AnsiConsole.MarkupLine($"[bold]{name}[/]: {count:N0} in {clock.Elapsed.TotalSeconds:N1} s ([bold]{rate:N1}/s[/])");
        return rate;
    }
}
