using Studios.AppHost.Local;

namespace Studios.AppHost.Publishing;

/// <summary>The AppHost's <c>publish</c> verb: the application model of Program.cs, written as Kubernetes manifests.
/// Any other command line runs the model on this machine.</summary>
public static class PublishCommand
{
    public const string Verb = "publish";

    public const string Usage = """
        Usage: dotnet run --project AppHost -- publish --output <folder> [--Publish:Setting=value ...]

        A relative <folder> is taken from the repository root (e.g. --output artifacts/k8s, which git ignores).

        Writes Kubernetes manifests for the system in AppHost/Program.cs: a kustomization per service
        (services/<name>/), the shared infrastructure (infrastructure/) and one applying everything (./).
        Each service's image is tagged with the <Version> of its own csproj.

        Settings (also as environment variables, e.g. Publish__Registry=registry.example.org):
          --Publish:Namespace=studios              --Publish:Registry=<host[/path]>   (default: none)
          --Publish:IdentityAuthority=<url>        --Publish:IdentityAudience=studios
          --Publish:QueueType=quorum|classic       --Publish:Environment=Production
          --Publish:TelemetryExporter=otlphttp|otlp|debug   --Publish:TelemetryEndpoint=<url>
          --Publish:MinReplicas=2  --Publish:MaxReplicas=6  --Publish:TargetCpuUtilization=70
          --Publish:CpuRequest=100m  --Publish:CpuLimit=1  --Publish:MemoryRequest=192Mi  --Publish:MemoryLimit=512Mi
          --Publish:RabbitMqReplicas=3  --Publish:RabbitMqStorage=10Gi  --Publish:RabbitMqImage=<image>
          --Publish:PostgresInstances=3  --Publish:PostgresStorage=20Gi  --Publish:PostgresImage=<image>
          --Publish:CollectorImage=<image>  --Publish:StorageClass=<class>   (default: the cluster's default)
        """;

    public static bool Matches(IReadOnlyList<string> args) => args.Count > 0 && args[0] == Verb;

    /// <summary>The arguments the Aspire builder sees: for <c>publish</c>, Aspire's publish mode and the settings
    /// (the output folder is ours); anything else as it is.</summary>
    public static string[] BuilderArgs(string[] args) => Matches(args)
        ? ["--AppHost:Operation=publish", .. args.Skip(1).Where(arg => arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=')
                                                                      && !arg.StartsWith("--output=", StringComparison.Ordinal))]
        : args;

    /// <summary>Runs the application (a problem on this machine is one message and exit code 1), or publishes it.</summary>
    public static int RunOrPublish(this DistributedApplication app, string[] args)
    {
        if (Matches(args))
            return Publish(app.Services.GetRequiredService<DistributedApplicationModel>(), app.Services.GetRequiredService<IConfiguration>(), args);
        try
        {
            app.Run();
            return 0;
        }
        catch (Exception e) when (e.GetBaseException() is LocalSetupException problem)
        {
            Console.Error.WriteLine(problem.Message);
            return 1;
        }
    }

    public static int Publish(DistributedApplicationModel appModel, IConfiguration configuration, IReadOnlyList<string> args,
        TextWriter? console = null, TextWriter? error = null)
    {
        console ??= Console.Out;
        error ??= Console.Error;
        if (args.Contains("--help") || args.Contains("-h"))
        {
            console.WriteLine(Usage);
            return 0;
        }
        try
        {
            var folder = Output(args.Skip(1).ToList());
            var settings = PublishSettings.From(configuration);
            var repositoryRoot = RepositoryRoot(configuration);
            var model = ManifestModel.ReadAsync(appModel, repositoryRoot).GetAwaiter().GetResult();

            // `dotnet run` starts the AppHost in its project folder, so a relative --output is taken from the repository root.
            var output = Path.IsPathRooted(folder) ? folder : Path.Combine(repositoryRoot, folder);
            var result = KubernetesPublisher.ForRepository(model, settings, repositoryRoot).Publish(output);

            console.WriteLine($"Published {result.Files.Count} files to {result.OutputDirectory}");
            foreach (var service in result.Services)
                console.WriteLine($"  {service.Folder,-36} {service.Name} {service.Version}");
            console.WriteLine($"  {KubernetesPublisher.InfrastructureFolder,-36} RabbitMQ, PostgreSQL, OpenTelemetry Collector");
            if (settings.IdentityAuthority == PublishSettings.DefaultIdentityAuthority)
                console.WriteLine($"Note: Identity__Authority is the placeholder {settings.IdentityAuthority}; pass --Publish:IdentityAuthority=<your OIDC issuer>.");
            if (settings.Registry.Length == 0)
                console.WriteLine("Note: images have no registry prefix; pass --Publish:Registry=<registry> unless the nodes resolve them as they are.");
            console.WriteLine($"Next: create the Secrets listed in {Path.Combine(result.OutputDirectory, "README.md")}, then kubectl apply -k <folder>.");
            return 0;
        }
        catch (PublishException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
    }

    /// <summary>The folder above the AppHost project (Aspire's AppHost:Directory): projects' paths and a relative output are taken from there.</summary>
    public static string RepositoryRoot(IConfiguration configuration) =>
        Path.GetFullPath(Path.Combine(configuration["AppHost:Directory"] ?? throw new PublishException("AppHost:Directory is not set."), ".."));

    private static string Output(IReadOnlyList<string> args)
    {
        string? folder = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--output" or "-o")
            {
                if (i + 1 >= args.Count) throw new PublishException($"{arg} needs a folder, e.g. --output artifacts/k8s");
                folder = args[++i];
            }
            else if (arg.StartsWith("--output=", StringComparison.Ordinal)) folder = arg["--output=".Length..];
            else if (!(arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=')))
                throw new PublishException($"Unknown publish option '{arg}'. Run `publish --help` to see the options.");
        }
        if (string.IsNullOrWhiteSpace(folder)) throw new PublishException("publish needs --output <folder>, e.g. publish --output artifacts/k8s");
        return folder;
    }
}
