using System.Text;

namespace Studios.AppHost.Publishing;

/// <summary>The README written next to the manifests: what to apply in which order, and the Secrets publish only refers to.</summary>
public static class PublishReadme
{
    public static string Write(ManifestModel model, PublishSettings settings, IReadOnlyList<ServiceManifests> services)
    {
        var ns = settings.Namespace;
        var text = new StringBuilder();
        text.AppendLine("# Studios on Kubernetes (published manifests)");
        text.AppendLine();
        text.AppendLine("Written by `dotnet run --project AppHost -- publish`; docs/deploy.md in the repository walks through it.");
        text.AppendLine();
        text.AppendLine("| folder | what | version |");
        text.AppendLine("| --- | --- | --- |");
        text.AppendLine($"| `{KubernetesPublisher.InfrastructureFolder}/` | namespace `{ns}`, RabbitmqCluster, CloudNativePG Cluster and Databases, OpenTelemetry Collector | |");
        foreach (var service in services)
            text.AppendLine($"| `{KubernetesPublisher.ServicesFolder}/{service.Name}/` | {service.Name}: Deployment, Service, ConfigMap, HPA, PDB, ServiceAccount | {service.Version} |");
        text.AppendLine();
        text.AppendLine("## Secrets to create first (publish never writes secret values)");
        text.AppendLine();
        foreach (var server in model.DatabaseClusters)
            foreach (var database in server.Databases)
                text.AppendLine($"- `{InfrastructureManifests.RoleSecretName(server, database)}` (type `kubernetes.io/basic-auth`): `username={database.Role}`, `password=...` (the database role's password)");
        foreach (var service in services)
        {
            var project = model.Projects.Single(p => p.Name == service.Name);
            var keys = string.Join(", ", project.ConnectionNames.Select(name => $"`ConnectionStrings__{name}`"));
            text.AppendLine($"- `{service.SecretName}`: {keys}");
        }
        text.AppendLine();
        text.AppendLine("## Apply");
        text.AppendLine();
        text.AppendLine("```bash");
        text.AppendLine($"kubectl apply -k {KubernetesPublisher.InfrastructureFolder}        # once, and when the infrastructure changes");
        foreach (var service in services)
            text.AppendLine($"kubectl apply -k {KubernetesPublisher.ServicesFolder}/{service.Name}   # on its own, whenever {service.Name} is released");
        text.AppendLine("```");
        return text.ToString();
    }
}
