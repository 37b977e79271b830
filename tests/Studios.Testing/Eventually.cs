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
}

public sealed class EventuallyException(string message, Exception? lastError) : Exception(message, lastError);
