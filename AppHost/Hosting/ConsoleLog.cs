namespace Studios.AppHost.Hosting;

/// <summary>One line of a resource's console output.</summary>
public sealed record ConsoleLine(long Number, DateTimeOffset At, string Text, bool IsError);

/// <summary>
/// A resource's console output: appended to .data/logs/&lt;resource&gt;.log and kept in a bounded buffer
/// (the dashboard's Console logs page reads the buffer and listens to <see cref="LineWritten"/>).
/// </summary>
public sealed class ConsoleLog : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Queue<ConsoleLine> _buffer = new();
    private readonly int _capacity;
    private readonly StreamWriter _file;
    private long _count;

    public ConsoleLog(string file, int capacity = 5000)
    {
        _capacity = capacity;
        FilePath = file;
        _file = new StreamWriter(new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
    }

    public string FilePath { get; }

    public event Action<ConsoleLine>? LineWritten;

    public void Write(string text, bool isError = false)
    {
        ConsoleLine line;
        lock (_gate)
        {
            line = new ConsoleLine(++_count, DateTimeOffset.UtcNow, text, isError);
            _buffer.Enqueue(line);
            if (_buffer.Count > _capacity) _buffer.Dequeue();
            try { _file.WriteLine(text); }
            catch (ObjectDisposedException) { }
        }
        LineWritten?.Invoke(line);
    }

    /// <summary>A line about the resource from the AppHost itself (started, exited, restarting).</summary>
    public void Note(string text) => Write($"[apphost {DateTimeOffset.Now:HH:mm:ss}] {text}");

    public IReadOnlyList<ConsoleLine> Tail(int count)
    {
        lock (_gate) return _buffer.Skip(Math.Max(0, _buffer.Count - count)).ToList();
    }

    public void Dispose()
    {
        lock (_gate) _file.Dispose();
    }
}
