using Studios.AppHost.Publishing;

namespace Studios.Deployment.Tests.Support;

/// <summary>A service's migrations in the order its MigrationRunner applies them: the shared ServiceDefaults scripts
/// first, then its own Data/Migrations/NNNN_*.sql, each group by name (as DbUp sorts the embedded resources).</summary>
public static class MigrationScripts
{
    public sealed record Script(string Name, string Sql)
    {
        /// <summary>A contract step (dropping what no running release uses any more) says so on its first line.</summary>
        public bool IsContract => Sql.TrimStart().StartsWith("-- contract:", StringComparison.OrdinalIgnoreCase);

        public override string ToString() => Name;
    }

    public static IReadOnlyList<Script> For(ServiceProject project)
    {
        var shared = Repository.PathOf("ServiceDefaults");
        var own = Path.Combine(Path.GetDirectoryName(Repository.PathOf(project.ProjectPath))!, "Data", "Migrations");
        return
        [
            .. Read(shared, Directory.EnumerateFiles(shared, "*.sql", SearchOption.AllDirectories)
                .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "Migrations")),
            .. Directory.Exists(own) ? Read(own, Directory.EnumerateFiles(own, "*.sql")) : [],
        ];
    }

    private static IEnumerable<Script> Read(string root, IEnumerable<string> files) => files
        .Select(file => new Script(Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '.'), File.ReadAllText(file)))
        .OrderBy(script => script.Name, StringComparer.Ordinal);
}
