using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Studios.AppHost.Publishing;

/// <summary>A service's container image: the repository services/Directory.Build.targets gives its project, tagged
/// with the <c>&lt;Version&gt;</c> of its own csproj, so each service is released on its own.</summary>
public sealed partial record ServiceImage(string Repository, string Tag)
{
    public string Reference(string registry) =>
        registry.Length == 0 ? $"{Repository}:{Tag}" : $"{registry.TrimEnd('/')}/{Repository}:{Tag}";

    /// <summary>studios/ and the project's name in kebab case, as the MSBuild property function computes it.</summary>
    public static string RepositoryOf(string projectPath) =>
        "studios/" + WordStart().Replace(Path.GetFileNameWithoutExtension(projectPath), "-$1").Replace('.', '-').ToLowerInvariant();

    public static ServiceImage Of(string repositoryRoot, string projectPath) =>
        new(RepositoryOf(projectPath), VersionOf(Path.Combine(repositoryRoot, projectPath)));

    public static string VersionOf(string projectFile)
    {
        if (!File.Exists(projectFile)) throw new PublishException($"{projectFile} does not exist: the AppHost model names a project that is not there.");
        var version = XDocument.Load(projectFile).Descendants("Version").Select(v => v.Value.Trim()).FirstOrDefault();
        if (string.IsNullOrEmpty(version) || version.Contains("$(", StringComparison.Ordinal))
            throw new PublishException($"{projectFile} has no literal <Version>: each service carries its own version, which tags its image.");
        return version;
    }

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex WordStart();
}
