namespace Studios.AppHost.Model;

/// <summary>The whole system as data: its resources and the AppHost's own ports.</summary>
public sealed record ApplicationModel(
    IReadOnlyList<Resource> Resources, PortSetting AppHost, PortSetting OtlpGrpc, PortSetting OtlpHttp)
{
    public IEnumerable<ProjectResource> Projects => Resources.OfType<ProjectResource>();

    /// <summary>Every port the system uses, the AppHost's first.</summary>
    public IEnumerable<PortSetting> AllPorts => [AppHost, OtlpGrpc, OtlpHttp, .. Resources.SelectMany(r => r.Ports)];

    /// <summary>The ports something listens on: all of them (the dashboard's OTLP receiver listens on the OTLP ports).</summary>
    public IEnumerable<PortSetting> BoundPorts => AllPorts;
}
