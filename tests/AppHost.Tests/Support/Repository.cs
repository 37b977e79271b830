namespace Studios.AppHost.Tests.Support;

/// <summary>The repository these tests were built from, found above their output folder.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Studios.Microservices.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Studios.Microservices.sln above {AppContext.BaseDirectory}.");
    }
}
