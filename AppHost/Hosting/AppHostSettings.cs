using Microsoft.Extensions.Configuration;

namespace Studios.AppHost.Hosting;

/// <summary>How this run behaves, from the command line and environment (section "AppHost" and a few tool paths).</summary>
public sealed record AppHostSettings(
    string RepositoryRoot,
    string DataDirectory,
    bool Fresh,
    bool Build,
    string Configuration,
    TimeSpan StartupTimeout,
    string PostgresBinDirectory,
    string RabbitMqServerExecutable)
{
    private const string SolutionFile = "Studios.Microservices.sln";

    public static AppHostSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("AppHost");
        var root = section["RepositoryRoot"] ?? FindRepositoryRoot();
        var data = Path.GetFullPath(section["DataDirectory"] ?? Path.Combine(root, ".data"));
        return new AppHostSettings(
            root,
            data,
            Fresh: section.GetValue("Fresh", false),
            Build: section.GetValue("Build", true),
            Configuration: section["Configuration"] ?? "Debug",
            StartupTimeout: section.GetValue("StartupTimeout", TimeSpan.FromMinutes(3)),
            PostgresBinDirectory: configuration["Postgres:BinDirectory"] ?? "/usr/lib/postgresql/15/bin",
            RabbitMqServerExecutable: configuration["RabbitMq:ServerExecutable"] ?? "/usr/lib/rabbitmq/bin/rabbitmq-server");
    }

    /// <summary>The folder holding the solution: above the AppHost's build output, else above the working directory.</summary>
    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        throw new AppHostException(
            $"Could not find {SolutionFile} above {AppContext.BaseDirectory} or the current folder. " +
            "Run the AppHost from the repository, or pass --AppHost:RepositoryRoot=<folder>.");
    }
}
