namespace Studios.Dashboard.Telemetry;

/// <summary>A fixed-capacity buffer that overwrites its oldest item. Not thread-safe: its owner locks.</summary>
internal sealed class RingBuffer<T>(int capacity)
{
    private readonly T[] items = new T[Math.Max(1, capacity)];
    private int next;

    public int Count { get; private set; }

    public int Capacity => items.Length;

    /// <summary>Adds an item; returns true and the overwritten one when the buffer was full.</summary>
    public bool Add(T item, out T? evicted)
    {
        var full = Count == items.Length;
        evicted = full ? items[next] : default;
        items[next] = item;
        next = (next + 1) % items.Length;
        if (!full)
        {
            Count++;
        }
        return full;
    }

    /// <summary>A copy, newest first.</summary>
    public T[] NewestFirst()
    {
        var copy = new T[Count];
        for (var i = 0; i < Count; i++)
        {
            copy[i] = items[(next - 1 - i + items.Length * 2) % items.Length];
        }
        return copy;
    }

    public T? Newest => Count == 0 ? default : items[(next - 1 + items.Length) % items.Length];
}
