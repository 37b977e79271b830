using Studios.Launchers;

namespace Studios.AppHost.Local;

/// <summary>
/// Where a local run keeps what must outlive it: the servers' data, generated secrets and the development identity's
/// key. <c>.data/</c> at the repository root unless <c>Data:Directory</c> says otherwise; <c>Data:Fresh=true</c>
/// (<c>./studios run --fresh</c>) wipes it first.
/// </summary>
public sealed class LocalData
{
    // Written into every data folder we create, so a fresh start never wipes a folder that is not ours.
    private const string Marker = ".studios-apphost";

    private LocalData(string root) => Root = root;

    public string Root { get; }

    public string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A generated secret (hex, owner-only file under secrets/), the same on every run with this data.</summary>
    public string Secret(string name)
    {
        Directory.CreateDirectory(PathOf("secrets"));
        return DataFolder.PersistedSecret(PathOf("secrets", name));
    }

    public static LocalData For(IDistributedApplicationBuilder builder)
    {
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var root = Path.GetFullPath(builder.Configuration["Data:Directory"] ?? Path.Combine(repositoryRoot, ".data"));
        var data = new LocalData(root);
        if (builder.ExecutionContext.IsPublishMode) return data;
        if (builder.Configuration.GetValue("Data:Fresh", false)) data.Wipe();
        data.Claim();
        return data;
    }

    private void Claim()
    {
        Directory.CreateDirectory(Root);
        if (Directory.EnumerateFileSystemEntries(Root).Any() && !File.Exists(PathOf(Marker)))
            throw new LocalSetupException(
                $"The data folder '{Root}' already holds files that are not the AppHost's. Choose another with --Data:Directory=<folder>.");
        File.WriteAllText(PathOf(Marker), "Data of the Studios AppHost. Delete freely (or run with --fresh).\n");
    }

    private void Wipe()
    {
        if (!Directory.Exists(Root)) return;
        if (Directory.EnumerateFileSystemEntries(Root).Any() && !File.Exists(PathOf(Marker)))
            throw new LocalSetupException($"Refusing to wipe '{Root}': it is not an AppHost data folder.");
        Directory.Delete(Root, recursive: true);
    }
}
