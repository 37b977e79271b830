namespace Studios.AppHost.Model;

/// <summary>Something the AppHost runs. Plain data: the same model is run here and, later, published as Kubernetes manifests.</summary>
public abstract class Resource(string name)
{
    public string Name { get; } = name;

    /// <summary>What must be healthy before this starts.</summary>
    public List<Resource> WaitsFor { get; } = [];

    /// <summary>Every port this resource listens on.</summary>
    public abstract IEnumerable<PortSetting> Ports { get; }
}
