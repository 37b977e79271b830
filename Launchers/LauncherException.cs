namespace Studios.Launchers;

/// <summary>
/// A server could not be started or controlled. The message says what to do about it;
/// callers show the message to the user, not the stack trace.
/// </summary>
public sealed class LauncherException : Exception
{
    public LauncherException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>The port that was already taken, when that is the problem.</summary>
    public int? Port { get; private init; }

    /// <summary>What the port was for (e.g. "RabbitMQ AMQP"), when <see cref="Port"/> is set.</summary>
    public string? Purpose { get; private init; }

    public static LauncherException PortTaken(int port, string purpose) =>
        new($"Port {port} on 127.0.0.1 (wanted for {purpose}) is already in use. " +
            "Stop whatever listens there or choose another port.")
        { Port = port, Purpose = purpose };

    internal static LauncherException MissingBinary(string path, string debianPackage) =>
        new($"'{path}' was not found. Install it with: apt-get install {debianPackage}");
}
