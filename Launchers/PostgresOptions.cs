namespace Studios.Launchers;

/// <param name="DataDirectory">Folder of this server alone (e.g. .data/postgres); the cluster lives in its data/ subfolder.</param>
/// <param name="Port">TCP port on 127.0.0.1.</param>
public sealed record PostgresOptions(string DataDirectory, int Port)
{
    public string BinDirectory { get; init; } = "/usr/lib/postgresql/15/bin";

    /// <summary>Delete the data folder when the server is disposed (throw-away test servers).</summary>
    public bool DeleteDataOnDispose { get; init; }
}
