using k8s;
using Studios.AppHost.Publishing;
using Studios.AppHost.Publishing.Crds;

namespace Studios.Deployment.Tests.Support;

/// <summary>Reads manifests back with KubernetesClient's deserializer (strict: an unknown field fails), custom resources included.</summary>
public static class ManifestReader
{
    private static readonly Dictionary<string, Type> CustomResources = new()
    {
        [$"{RabbitmqCluster.ApiVersionName}/{RabbitmqCluster.KindName}"] = typeof(RabbitmqCluster),
        [$"{PostgresCluster.ApiVersionName}/{PostgresCluster.KindName}"] = typeof(PostgresCluster),
        [$"{PostgresCluster.ApiVersionName}/{PostgresDatabase.KindName}"] = typeof(PostgresDatabase),
    };

    public static List<object> Read(string yaml) => KubernetesYaml.LoadAllFromString(yaml, CustomResources, strict: true);

    public static List<object> ReadFile(string path) => Read(File.ReadAllText(path));

    public static Kustomization ReadKustomization(string folder) =>
        KubernetesYaml.Deserialize<Kustomization>(File.ReadAllText(Path.Combine(folder, Kustomization.FileName)), strict: true);
}
