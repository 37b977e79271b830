namespace Studios.Dashboard.Telemetry;

/// <summary>Who sent telemetry: OTLP's resource, keyed by service.name + service.instance.id.</summary>
public sealed record TelemetryResource(string ServiceName, string InstanceId, IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>The key the API's resource filters take: the service name, with "/instance" when one was sent.</summary>
    public string Id => InstanceId.Length == 0 ? ServiceName : $"{ServiceName}/{InstanceId}";

    /// <summary>A filter matches either every instance of a service (its name) or one instance (its id).</summary>
    public bool Matches(string? filter) =>
        string.IsNullOrEmpty(filter)
        || string.Equals(filter, ServiceName, StringComparison.OrdinalIgnoreCase)
        || string.Equals(filter, Id, StringComparison.OrdinalIgnoreCase);
}
