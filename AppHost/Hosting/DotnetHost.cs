namespace Studios.AppHost.Hosting;

/// <summary>The dotnet muxer this AppHost runs on, used to build and run the services with the same SDK.</summary>
public static class DotnetHost
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        if (Environment.ProcessPath is { } self && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        // <root>/shared/Microsoft.NETCore.App/<version>/ -> <root>/dotnet
        var root = System.IO.Path.GetFullPath(System.IO.Path.Combine(
            System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = System.IO.Path.Combine(root, "dotnet");
        return File.Exists(candidate) ? candidate : "dotnet";
    }
}
