using System.Reflection;

namespace Studios.Architecture.Tests;

/// <summary>The service hosts under services/, found on disk so a new service is checked without editing the tests.</summary>
public static class ServiceAssemblies
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Each service's name (Membership) and its host assembly (Membership.Api, root namespace Studios.Membership).</summary>
    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var name in Directory.GetDirectories(Path.Combine(RepositoryRoot, "services")).Select(Path.GetFileName).Order())
        {
            if (Directory.Exists(Path.Combine(RepositoryRoot, "services", name!, name + ".Api"))) names.Add(name!);
        }
        return names;
    }

    public static Assembly Load(string service) => Assembly.Load(new AssemblyName(service + ".Api"));

    public static string Namespace(string service) => "Studios." + service;

    public static string HostFolder(string service) => Path.Combine(RepositoryRoot, "services", service, service + ".Api");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Studios.Microservices.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException("Studios.Microservices.sln not found above " + AppContext.BaseDirectory);
    }
}
