using System.Runtime.CompilerServices;

namespace Studios.Dashboard.Apis;

internal static class Live
{
    /// <summary>Ends a live stream quietly when the page goes away, instead of with an exception.</summary>
    public static async IAsyncEnumerable<T> UntilCancelled<T>(IAsyncEnumerable<T> source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var items = source.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            bool more;
            try
            {
                more = await items.MoveNextAsync();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                more = false;
            }
            if (!more)
            {
                yield break;
            }
            yield return items.Current;
        }
    }
}
