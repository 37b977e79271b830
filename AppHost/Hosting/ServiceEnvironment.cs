using Studios.AppHost.Model;

namespace Studios.AppHost.Hosting;

/// <summary>
/// The environment a service gets, in Aspire's conventions, so it cannot tell the AppHost from Kubernetes or Aspire:
/// connection strings, service discovery, OpenTelemetry, its URL and the identity authority.
/// </summary>
public static class ServiceEnvironment
{
    // Inherited values under these prefixes would mix another setup into ours.
    private static readonly string[] NotInherited =
        ["ConnectionStrings__", "services__", "OTEL_", "Identity__", "ASPNETCORE_", "DOTNET_ENVIRONMENT", "Ports__", "AppHost__", "MSBuild", "MSBUILD"];

    public static Dictionary<string, string> For(
        ProjectResource project, ApplicationModel model, Func<IResourceWithConnectionString, string> connectionString,
        string instanceId, DataLayout data)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = Url(project),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{model.OtlpHttp.Port}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = project.Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={instanceId}",
            // As Aspire does for local runs: spans, logs and metrics reach the dashboard within a second, not 5-60 s later.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            ["Identity__Authority"] = $"http://127.0.0.1:{model.AppHost.Port}",
        };
        foreach (var resource in project.ConnectionStrings)
            environment[$"ConnectionStrings__{resource.ConnectionName}"] = connectionString(resource);
        foreach (var other in project.ServiceReferences)
            environment[$"services__{other.Name}__http__0"] = Url(other);
        var (name, value) = Split(data.ChildMarker);
        environment[name] = value;
        return environment;
    }

    public static string Url(ProjectResource project) => $"http://127.0.0.1:{project.Http.Port}";

    public static bool IsInherited(string variable) => !NotInherited.Any(prefix => variable.StartsWith(prefix, StringComparison.Ordinal));

    private static (string Name, string Value) Split(string assignment)
    {
        var at = assignment.IndexOf('=');
        return (assignment[..at], assignment[(at + 1)..]);
    }
}
