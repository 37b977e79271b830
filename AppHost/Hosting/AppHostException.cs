namespace Studios.AppHost.Hosting;

/// <summary>A problem the user can fix (missing package, port taken, unwritable folder). Shown as its message, never as a stack trace.</summary>
public sealed class AppHostException(string message, Exception? inner = null) : Exception(message, inner);
