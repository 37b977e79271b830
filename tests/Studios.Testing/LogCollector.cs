using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Studios.Testing;

/// <summary>Keeps every log entry of a host (level, category, message, exception, current trace id) for assertions.</summary>
/// <remarks>The host's own filters apply first (Information by default; a test raises a category with
/// <c>Logging:LogLevel:&lt;category&gt;</c>), then <paramref name="minimumLevel"/>.</remarks>
public sealed class LogCollector(LogLevel minimumLevel = LogLevel.Information) : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries, minimumLevel);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries, LogLevel minimumLevel) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), exception, Activity.Current?.TraceId.ToHexString(),
                DateTimeOffset.UtcNow));
        }
    }
}

public sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception, string? TraceId,
    DateTimeOffset At)
{
    /// <summary>One of MassTransit's per-message lines (RECEIVE, SEND, PUBLISH, S-FAULT, ...), which drown the lines
    /// that explain a stall.</summary>
    public bool IsPerMessage =>
        Category.StartsWith("MassTransit", StringComparison.Ordinal) &&
        Message.Split(' ', 2)[0] is "RECEIVE" or "SEND" or "PUBLISH" or "S-FAULT" or "R-FAULT" or "T-FAULT" or "R-RETRY" or "R-REDELIVER";

    /// <summary>One line (the exception's type and message, not its stack), for a failing test's output.</summary>
    public override string ToString() =>
        $"{At:HH:mm:ss.fff} {Level,-11} {Category}: {Message}" + (Exception is null ? "" : $" [{Exception.GetType().Name}: {Exception.Message}]");
}
