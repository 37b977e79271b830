using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Studios.Notifications.Tests.Integration;

/// <summary>Everything a service host logged and every span the test process recorded (tags and events), as text: where
/// an email address must never turn up.</summary>
public sealed class Telltales : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _written = new();
    private readonly ActivityListener _spans;

    public Telltales()
    {
        _spans = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _written.Enqueue(string.Join(' ',
                activity.DisplayName,
                string.Join(' ', activity.TagObjects.Select(tag => $"{tag.Key}={tag.Value}")),
                string.Join(' ', activity.Events.SelectMany(e => e.Tags.Select(tag => $"{e.Name}:{tag.Key}={tag.Value}"))))),
        };
        ActivitySource.AddActivityListener(_spans);
    }

    /// <summary>What was written that contains <paramref name="text"/>.</summary>
    public IReadOnlyList<string> Containing(string text) =>
        _written.Where(line => line.Contains(text, StringComparison.OrdinalIgnoreCase)).ToList();

    public int Count => _written.Count;

    public ILogger CreateLogger(string categoryName) => new Writer(categoryName, _written);

    public void Dispose() => _spans.Dispose();

    private sealed class Writer(string category, ConcurrentQueue<string> written) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            written.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {state} {exception}");
    }
}
