namespace Studios.AppHost.Publishing;

/// <summary>kustomization.yaml, typed: only the fields publish writes (property names become camelCase).</summary>
public sealed class Kustomization
{
    public string ApiVersion { get; set; } = "kustomize.config.k8s.io/v1beta1";
    public string Kind { get; set; } = "Kustomization";
    public string? Namespace { get; set; }
    public List<string> Resources { get; set; } = [];
    public List<ConfigMapGeneratorEntry>? ConfigMapGenerator { get; set; }

    public const string FileName = "kustomization.yaml";
}

/// <summary>A ConfigMap built from files; kustomize suffixes its name with a hash, so a change rolls the pods using it.</summary>
public sealed class ConfigMapGeneratorEntry
{
    public string Name { get; set; } = "";
    public List<string> Files { get; set; } = [];
    public GeneratorOptions? Options { get; set; }
}

/// <summary>What kustomize puts on the objects it generates.</summary>
public sealed class GeneratorOptions
{
    public Dictionary<string, string>? Labels { get; set; }
}
