using k8s;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using Studios.AppHost.Publishing;

namespace Studios.Deployment.Tests.Support;

/// <summary>The system published once, in-process, into a temporary folder, and every manifest read back.</summary>
public sealed class PublishedSystem : IDisposable
{
    public const string Registry = "registry.example.org/studios-network";
    public const string IdentityAuthority = "https://login.example.org/realms/studios";

    public PublishedSystem()
    {
        Root = Path.Combine(Path.GetTempPath(), "studios-publish-" + Guid.NewGuid().ToString("N")[..8]);
        Settings = PublishSettings.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Publish:Registry"] = Registry,
            ["Publish:IdentityAuthority"] = IdentityAuthority,
        }).Build());
        Result = KubernetesPublisher.ForRepository(SystemModel.Describe(), Settings, Repository.Root).Publish(Root);
    }

    public string Root { get; }
    public PublishSettings Settings { get; }
    public PublishResult Result { get; }

    public string Folder(string relative) => Path.Combine(Root, relative);

    public string ServiceFolder(string service) => Folder($"{KubernetesPublisher.ServicesFolder}/{service}");

    public string InfrastructureFolder => Folder(KubernetesPublisher.InfrastructureFolder);

    /// <summary>Every object the kustomization in <paramref name="folder"/> lists, read from its files.</summary>
    public List<object> ObjectsOf(string folder) =>
        [.. ManifestReader.ReadKustomization(folder).Resources.SelectMany(file => ManifestReader.ReadFile(Path.Combine(folder, file)))];

    public List<object> ServiceObjects(string service) => ObjectsOf(ServiceFolder(service));

    public T Single<T>(string service) => ServiceObjects(service).OfType<T>().Single();

    public List<object> InfrastructureObjects() => ObjectsOf(InfrastructureFolder);

    public static IEnumerable<IKubernetesObject<V1ObjectMeta>> WithMetadata(IEnumerable<object> objects) =>
        objects.Cast<IKubernetesObject<V1ObjectMeta>>();

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class PublishedCollection : ICollectionFixture<PublishedSystem>
{
    public const string Name = "published";
}
