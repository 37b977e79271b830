namespace Studios.Testing;

/// <summary>
/// Waits for something asynchronous (a message consumed, a read model updated) by polling a condition
/// until a deadline, so tests never sleep a fixed time and hope.
/// </summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string because)
    {
        var deadline = DateTime.UtcNow + timeout;
        var delay = TimeSpan.FromMilliseconds(20);
        Exception? lastError = null;
        while (true)
        {
            try
            {
                if (await condition().ConfigureAwait(false)) return;
                lastError = null;
            }
            catch (Exception e)
            {
                // A condition may fail while the system settles (e.g. a table not created yet); keep the last reason.
                lastError = e;
            }
            if (DateTime.UtcNow >= deadline)
                throw new EventuallyException($"Still not true after {timeout.TotalSeconds:0.#} s: {because}", lastError);
            await Task.Delay(delay).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 250));
        }
    }

    public static Task TrueAsync(Func<bool> condition, TimeSpan timeout, string because) =>
        TrueAsync(() => Task.FromResult(condition()), timeout, because);

    /// <summary>Polls <paramref name="probe"/> until what it returns satisfies <paramref name="done"/>, and returns that;
    /// the failure says what was last seen.</summary>
    public static async Task<T> MatchAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string because)
    {
        var last = "nothing yet";
        T? match = default;
        try
        {
            await TrueAsync(async () =>
            {
                var value = await probe().ConfigureAwait(false);
                last = value?.ToString() ?? "null";
                if (!done(value)) return false;
                match = value;
                return true;
            }, timeout, because).ConfigureAwait(false);
        }
        catch (EventuallyException e)
        {
            throw new EventuallyException($"{e.Message}. Last seen: {Shorten(last)}", e.InnerException);
        }
        return match!;
    }

    private static string Shorten(string text) => text.Length > 2000 ? text[..2000] + "..." : text;
}

public sealed class EventuallyException(string message, Exception? lastError) : Exception(message, lastError);
