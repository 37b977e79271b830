using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Studios.AppHost.Tests.Support;

/// <summary>The AppHost's log and the console output of every resource (Aspire.Hosting.Testing forwards it), kept in
/// memory so a failing test can print what the servers and services said.</summary>
public sealed class ResourceLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>The last lines whose category is the resource (Aspire logs them as "&lt;AppHost&gt;.Resources.&lt;name&gt;").</summary>
    public IReadOnlyList<string> Of(string resource) => [.. _lines.Where(line => line.StartsWith($"[{resource}]", StringComparison.Ordinal))];

    public string Tail(int lines) => string.Join('\n', _lines.TakeLast(lines));

    public void Dispose() { }

    private void Add(string category, string message)
    {
        var resource = category.Contains(".Resources.", StringComparison.Ordinal) ? category[(category.LastIndexOf('.') + 1)..] : category;
        _lines.Enqueue($"[{resource}] {message}");
        while (_lines.Count > 20_000) _lines.TryDequeue(out _);
    }

    private sealed class Logger(ResourceLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Add(category, formatter(state, exception) + (exception is null ? "" : $" {exception.GetType().Name}: {exception.Message}"));
    }
}
