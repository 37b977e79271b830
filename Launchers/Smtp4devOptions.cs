namespace Studios.Launchers;

/// <param name="DataDirectory">Folder of this mail server alone: its settings, console log and (unless in memory) its database.</param>
/// <param name="SmtpPort">SMTP listener on 127.0.0.1.</param>
/// <param name="WebPort">Web UI and REST API (/api/messages) on 127.0.0.1.</param>
public sealed record Smtp4devOptions(string DataDirectory, int SmtpPort, int WebPort)
{
    /// <summary>Keep messages in memory (lost on restart) instead of a database file in the data folder.</summary>
    public bool InMemory { get; init; } = true;

    /// <summary>Where the repository's tool manifest (.config/dotnet-tools.json naming Rnwood.Smtp4dev) is found:
    /// `dotnet tool run smtp4dev` runs there. By default the first folder above the application that has one.</summary>
    public string? ToolDirectory { get; init; }

    /// <summary>How many messages the server keeps before dropping the oldest.</summary>
    public int MessagesToKeep { get; init; } = 10_000;

    /// <summary>Delete the data folder when the server is disposed (throw-away test servers).</summary>
    public bool DeleteDataOnDispose { get; init; }

    /// <summary>How long start-up may take before we give up (the tool is a full ASP.NET Core application).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(120);
}
