namespace Studios.EndToEnd.Tests;

/// <summary>Polls with a deadline (never a fixed sleep as an assertion); the failure says what was last seen.</summary>
public static class Until
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<T> Async<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
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
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or ApiException)
            {
                last = e.Message;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{what}: not within {timeout.TotalSeconds:0} s. Last seen: {last}");
            await Task.Delay(250);
        }
    }

    public static Task<T> Async<T>(Func<Task<T>> probe, Func<T, bool> done, string what) => Async(probe, done, Patience, what);
}
