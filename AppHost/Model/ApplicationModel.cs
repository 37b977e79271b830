namespace Studios.AppHost.Model;

/// <summary>The whole system as data: its resources and the AppHost's own ports.</summary>
public sealed record ApplicationModel(
    IReadOnlyList<Resource> Resources, PortSetting AppHost, PortSetting OtlpGrpc, PortSetting OtlpHttp)
{
    public IEnumerable<ProjectResource> Projects => Resources.OfType<ProjectResource>();

    /// <summary>Every port the system uses, the AppHost's first.</summary>
    public IEnumerable<PortSetting> AllPorts => [AppHost, OtlpGrpc, OtlpHttp, .. Resources.SelectMany(r => r.Ports)];

    /// <summary>The ports something listens on today; OTLP is reserved for the dashboard's receiver, which comes later.</summary>
    public IEnumerable<PortSetting> BoundPorts => [AppHost, .. Resources.SelectMany(r => r.Ports)];
}
