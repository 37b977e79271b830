using Microsoft.Extensions.Logging;

namespace Studios.AppHost.Hosting;

/// <summary>Gives a launcher's log messages to the resource's console log; warnings and errors also reach the AppHost's console.</summary>
internal sealed class ConsoleLogLogger(ConsoleLog log, ILogger appHost) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        var message = formatter(state, exception);
        log.Note(message);
        if (logLevel >= LogLevel.Warning) appHost.Log(logLevel, "{Message}", message);
    }
}
