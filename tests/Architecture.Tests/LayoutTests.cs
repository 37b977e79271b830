using System.Text.RegularExpressions;

namespace Studios.Architecture.Tests;

/// <summary>Every service host has the template's folders (docs/service-template.md) and no others.</summary>
public sealed partial class LayoutTests
{
    /// <summary>Folders every service has.</summary>
    private static readonly string[] Required = ["Apis", "Apis/Models", "Consumers", "Data", "Data/Migrations", "Domain", "Extensions", "Telemetry"];

    /// <summary>Folders a service has once it has such classes (commands across domain and data; interval jobs).</summary>
    private static readonly string[] Optional = ["Features", "Jobs"];

    private static readonly string[] RootFiles = ["Program.cs", "GlobalUsings.cs", "appsettings.json"];

    [Theory]
    [MemberData(nameof(ServiceAssemblies.Names), MemberType = typeof(ServiceAssemblies))]
    public void A_service_has_the_template_folders_and_no_others(string service)
    {
        var host = ServiceAssemblies.HostFolder(service);
        var folders = Directory.GetDirectories(host, "*", SearchOption.AllDirectories)
            .Select(folder => Path.GetRelativePath(host, folder).Replace('\\', '/'))
            .Where(folder => !IsBuildOutput(folder) && !folder.StartsWith("Domain/", StringComparison.Ordinal))
            .ToHashSet();

        Assert.Empty(Required.Except(folders));
        Assert.Empty(folders.Except(Required).Except(Optional));
        Assert.All(RootFiles, file => Assert.True(File.Exists(Path.Combine(host, file)), $"{service}.Api has no {file}"));
        Assert.Empty(Directory.GetFiles(host, "*.cs").Select(Path.GetFileName).Except(RootFiles));
    }

    [Theory]
    [MemberData(nameof(ServiceAssemblies.Names), MemberType = typeof(ServiceAssemblies))]
    public void Api_models_are_one_type_per_file_named_after_it(string service)
    {
        var models = Path.Combine(ServiceAssemblies.HostFolder(service), "Apis", "Models");
        foreach (var file in Directory.GetFiles(models, "*.cs"))
        {
            var types = TypeDeclaration().Matches(File.ReadAllText(file)).Select(match => match.Groups["name"].Value).ToList();
            Assert.True(types.SequenceEqual([Path.GetFileNameWithoutExtension(file)]),
                $"{Path.GetRelativePath(ServiceAssemblies.RepositoryRoot, file)} declares {string.Join(", ", types)}");
        }
    }

    [Theory]
    [MemberData(nameof(ServiceAssemblies.Names), MemberType = typeof(ServiceAssemblies))]
    public void Migrations_are_numbered_scripts(string service)
    {
        var scripts = Directory.GetFiles(Path.Combine(ServiceAssemblies.HostFolder(service), "Data", "Migrations"));
        Assert.NotEmpty(scripts);
        Assert.All(scripts, script => Assert.Matches(@"^\d{4}_[a-z0-9_]+\.sql$", Path.GetFileName(script)));
    }

    private static bool IsBuildOutput(string folder) =>
        folder.Split('/')[0] is "bin" or "obj" or "Properties";

    // A top-level type: at the start of a line, so nested types and names in comments do not count.
    [GeneratedRegex(@"^(?:public|internal)\s+(?:(?:sealed|static|abstract|readonly|partial)\s+)*(?:record\s+struct|record|class|struct|enum|interface)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();
}
