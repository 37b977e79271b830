namespace Studios.AppHost.Publishing;

/// <summary>The recommended app.kubernetes.io labels every published object carries.</summary>
public static class StudiosLabels
{
    public const string Name = "app.kubernetes.io/name";
    public const string Version = "app.kubernetes.io/version";
    public const string Component = "app.kubernetes.io/component";
    public const string PartOf = "app.kubernetes.io/part-of";
    public const string ManagedBy = "app.kubernetes.io/managed-by";

    public const string System = "studios";
    public const string Publisher = "studios-apphost";

    public static Dictionary<string, string> For(string name, string version, string component) => new()
    {
        [Name] = name,
        [Version] = version,
        [Component] = component,
        [PartOf] = System,
        [ManagedBy] = Publisher,
    };

    /// <summary>What a selector matches on: never the version, or a rolling update could not find the old pods.</summary>
    public static Dictionary<string, string> Selector(string name) => new()
    {
        [Name] = name,
        [PartOf] = System,
    };
}
