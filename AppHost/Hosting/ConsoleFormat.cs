using Microsoft.Extensions.Logging.Console;

namespace Studios.AppHost.Hosting;

/// <summary>One short line per event on the AppHost's console.</summary>
internal static class ConsoleFormat
{
    public static void Configure(SimpleConsoleFormatterOptions options)
    {
        options.SingleLine = true;
        options.TimestampFormat = "HH:mm:ss ";
        options.IncludeScopes = false;
    }
}
