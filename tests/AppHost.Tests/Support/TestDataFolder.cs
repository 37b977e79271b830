namespace Studios.AppHost.Tests.Support;

/// <summary>A data folder of its own for one AppHost run (under /tmp, which the servers' users can reach), deleted after.</summary>
public sealed class TestDataFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine("/tmp", "studios-apphost-tests", Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
