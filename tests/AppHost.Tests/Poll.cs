namespace Studios.AppHost.Tests;

/// <summary>Waits for a condition with a deadline, never a fixed sleep; the failure says what was last seen.</summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = "nothing yet";
        while (true)
        {
            try
            {
                var value = await probe();
                if (done(value)) return value;
                last = value?.ToString() ?? "null";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                last = e.Message;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{what}: not within {timeout.TotalSeconds:0} s. Last seen: {last}");
            await Task.Delay(250);
        }
    }

    /// <summary>Checks that a condition holds throughout <paramref name="window"/> (for "nothing happens" expectations).</summary>
    public static async Task StaysAsync<T>(Func<Task<T>> probe, Func<T, bool> holds, TimeSpan window, string what)
    {
        var end = DateTime.UtcNow + window;
        while (DateTime.UtcNow < end)
        {
            var value = await probe();
            if (!holds(value)) throw new InvalidOperationException($"{what}: broken by {value}");
            await Task.Delay(200);
        }
    }
}
