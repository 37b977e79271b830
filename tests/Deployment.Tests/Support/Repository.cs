namespace Studios.Deployment.Tests.Support;

/// <summary>The repository these tests were built from (the folder holding the solution).</summary>
public static class Repository
{
    public static readonly string Root = Find();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Studios.Microservices.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Studios.Microservices.sln above {AppContext.BaseDirectory}.");
    }
}
