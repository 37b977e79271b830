using k8s;
using k8s.Models;

namespace Studios.AppHost.Publishing.Crds;

/// <summary>An operator's custom resource, typed like KubernetesClient's own models (which have none for CRDs).</summary>
public abstract class CustomResource<TSpec>(string apiVersion, string kind) : IKubernetesObject<V1ObjectMeta>
    where TSpec : new()
{
    public string ApiVersion { get; set; } = apiVersion;
    public string Kind { get; set; } = kind;
    public V1ObjectMeta Metadata { get; set; } = new();
    public TSpec Spec { get; set; } = new();
}
