namespace Studios.AppHost.Tests;

/// <summary>A throw-away data folder under /tmp (the postgres and rabbitmq users must be able to reach it).</summary>
public sealed class TestDataFolder : IDisposable
{
    public TestDataFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "studios-apphost-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public override string ToString() => Path;

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
