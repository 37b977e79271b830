namespace Studios.AppHost.Model;

/// <summary>A .NET project of this repository, run from its build output with Aspire's environment conventions.</summary>
public sealed class ProjectResource(string name, string projectPath, PortSetting http) : Resource(name)
{
    /// <summary>The .csproj, relative to the repository root.</summary>
    public string ProjectPath { get; } = projectPath;

    public PortSetting Http { get; } = http;

    public List<IResourceWithConnectionString> ConnectionStrings { get; } = [];

    /// <summary>Projects this one may discover (<c>services__&lt;name&gt;__http__0</c>).</summary>
    public List<ProjectResource> ServiceReferences { get; } = [];

    public override IEnumerable<PortSetting> Ports => [Http];

    public ProjectResource WithReference(IResourceWithConnectionString resource)
    {
        ConnectionStrings.Add(resource);
        return this;
    }

    public ProjectResource WithReference(ProjectResource project)
    {
        ServiceReferences.Add(project);
        return this;
    }

    /// <summary>Starts only once <paramref name="resource"/>'s server is healthy.</summary>
    public ProjectResource WaitFor(IResourceWithConnectionString resource)
    {
        if (!WaitsFor.Contains(resource.Server)) WaitsFor.Add(resource.Server);
        return this;
    }
}
