using System.Xml.Linq;
using k8s.Models;
using Studios.AppHost.Publishing;
using Studios.Deployment.Tests.Support;

namespace Studios.Deployment.Tests;

/// <summary>Each service's published objects, read back with KubernetesClient's models.</summary>
[Collection(PublishedCollection.Name)]
public sealed class ServiceManifestTests(PublishedSystem published)
{
    public static TheoryData<string> Services => SystemModel.ServiceNames();

    [Theory, MemberData(nameof(Services))]
    public void Every_object_is_labelled_with_the_service_its_own_version_and_the_system(string service)
    {
        var version = CsprojVersion(service);
        foreach (var item in PublishedSystem.WithMetadata(published.ServiceObjects(service)))
        {
            var labels = item.Metadata.Labels;
            Assert.Equal(service, labels[StudiosLabels.Name]);
            Assert.Equal(version, labels[StudiosLabels.Version]);
            Assert.Equal("studios", labels[StudiosLabels.PartOf]);
        }
        var pod = published.Single<V1Deployment>(service).Spec.Template.Metadata.Labels;
        Assert.Equal(version, pod[StudiosLabels.Version]);
    }

    [Theory, MemberData(nameof(Services))]
    public void Selectors_never_include_the_version_so_a_rolling_update_keeps_finding_the_old_pods(string service)
    {
        var deployment = published.Single<V1Deployment>(service);
        var podLabels = deployment.Spec.Template.Metadata.Labels;
        var selectors = new[]
        {
            deployment.Spec.Selector.MatchLabels,
            published.Single<V1Service>(service).Spec.Selector,
            published.Single<V1PodDisruptionBudget>(service).Spec.Selector.MatchLabels,
        };
        foreach (var selector in selectors)
        {
            Assert.DoesNotContain(StudiosLabels.Version, selector.Keys);
            Assert.Equal(service, selector[StudiosLabels.Name]);
            Assert.All(selector, pair => Assert.Equal(pair.Value, podLabels[pair.Key]));
        }
    }

    [Theory, MemberData(nameof(Services))]
    public void The_pod_runs_as_a_non_root_user_on_a_read_only_root_filesystem_with_a_writable_tmp(string service)
    {
        var pod = published.Single<V1Deployment>(service).Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);

        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.NotEqual(0, pod.SecurityContext.RunAsUser);
        Assert.Equal("RuntimeDefault", pod.SecurityContext.SeccompProfile.Type);
        Assert.True(container.SecurityContext.ReadOnlyRootFilesystem);
        Assert.True(container.SecurityContext.RunAsNonRoot);
        Assert.False(container.SecurityContext.AllowPrivilegeEscalation);
        Assert.Contains("ALL", container.SecurityContext.Capabilities.Drop);
        Assert.False(pod.AutomountServiceAccountToken);

        var tmp = Assert.Single(container.VolumeMounts, mount => mount.MountPath == "/tmp");
        Assert.NotNull(Assert.Single(pod.Volumes, volume => volume.Name == tmp.Name).EmptyDir);
    }

    [Theory, MemberData(nameof(Services))]
    public void Requests_and_limits_are_set_and_requests_fit_within_limits(string service)
    {
        var resources = Assert.Single(published.Single<V1Deployment>(service).Spec.Template.Spec.Containers).Resources;
        foreach (var resource in new[] { "cpu", "memory" })
        {
            Assert.True(resources.Requests.ContainsKey(resource), $"no {resource} request");
            Assert.True(resources.Limits.ContainsKey(resource), $"no {resource} limit");
            Assert.True(resources.Requests[resource].ToDecimal() <= resources.Limits[resource].ToDecimal(), $"{resource} request above its limit");
        }
    }

    [Theory, MemberData(nameof(Services))]
    public void Liveness_is_alive_readiness_is_health_and_a_startup_probe_covers_the_migrations(string service)
    {
        var container = Assert.Single(published.Single<V1Deployment>(service).Spec.Template.Spec.Containers);
        var http = Assert.Single(container.Ports, port => port.Name == "http");
        Assert.Equal(8080, http.ContainerPort);

        Assert.Equal("/alive", container.LivenessProbe.HttpGet.Path);
        Assert.Equal("/health", container.ReadinessProbe.HttpGet.Path);
        Assert.Equal("/alive", container.StartupProbe.HttpGet.Path);
        foreach (var probe in new[] { container.LivenessProbe, container.ReadinessProbe, container.StartupProbe })
            Assert.Equal("http", probe.HttpGet.Port.Value);
        // Liveness only starts counting once the startup probe has passed: give start-up (migrations) minutes.
        Assert.True(container.StartupProbe.PeriodSeconds * container.StartupProbe.FailureThreshold >= 120);
    }

    [Theory, MemberData(nameof(Services))]
    public void Shutdown_drains_within_the_grace_period_after_the_pre_stop_pause(string service)
    {
        var pod = published.Single<V1Deployment>(service).Spec.Template.Spec;
        var preStop = Assert.Single(pod.Containers).Lifecycle.PreStop.Sleep.Seconds;
        var drain = long.Parse(published.Single<V1ConfigMap>(service).Data["DOTNET_SHUTDOWNTIMEOUTSECONDS"], System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(preStop > 0);
        Assert.True(pod.TerminationGracePeriodSeconds > preStop + drain,
            $"grace {pod.TerminationGracePeriodSeconds}s is not more than preStop {preStop}s + drain {drain}s");
    }

    [Theory, MemberData(nameof(Services))]
    public void Rolling_updates_add_a_new_pod_before_removing_an_old_one(string service)
    {
        var strategy = published.Single<V1Deployment>(service).Spec.Strategy;
        Assert.Equal("RollingUpdate", strategy.Type);
        Assert.Equal("0", strategy.RollingUpdate.MaxUnavailable.Value);
        Assert.Equal("1", strategy.RollingUpdate.MaxSurge.Value);
    }

    [Theory, MemberData(nameof(Services))]
    public void Connection_strings_come_from_a_secret_reference_and_no_secret_value_is_published(string service)
    {
        var project = SystemModel.Project(service);
        var container = Assert.Single(published.Single<V1Deployment>(service).Spec.Template.Spec.Containers);
        var expected = project.ConnectionNames.Select(name => $"ConnectionStrings__{name}").ToList();
        Assert.Contains($"ConnectionStrings__{service.Replace('-', '_')}", expected);
        Assert.Contains("ConnectionStrings__messaging", expected);

        foreach (var name in expected)
        {
            var variable = Assert.Single(container.Env, e => e.Name == name);
            Assert.Null(variable.Value);
            Assert.Equal(ServiceManifests.ConnectionSecretName(service), variable.ValueFrom.SecretKeyRef.Name);
            Assert.Equal(name, variable.ValueFrom.SecretKeyRef.Key);
        }

        var everything = Directory.EnumerateFiles(published.Root, "*.yaml", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        Assert.DoesNotContain(everything, text => text.Contains("kind: Secret", StringComparison.Ordinal));
        Assert.DoesNotContain(everything, text => text.Contains("Password=", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(everything, text => text.Contains("amqp://", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Services))]
    public void The_config_map_holds_the_non_secret_settings_and_points_telemetry_at_the_collector(string service)
    {
        var data = published.Single<V1ConfigMap>(service).Data;
        var collector = published.InfrastructureObjects().OfType<V1Service>().Single(s => s.Metadata.Name == ServiceManifests.CollectorService);
        var otlpHttp = Assert.Single(collector.Spec.Ports, p => p.Name == "otlp-http");

        Assert.Equal($"http://{collector.Metadata.Name}:{otlpHttp.Port}", data["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("http/protobuf", data["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.Equal(service, data["OTEL_SERVICE_NAME"]);
        Assert.Equal("quorum", data["Messaging__QueueType"]);
        Assert.Equal(PublishedSystem.IdentityAuthority, data["Identity__Authority"]);
        Assert.Equal("Production", data["ASPNETCORE_ENVIRONMENT"]);
        Assert.DoesNotContain(data.Keys, key => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal));

        foreach (var other in SystemModel.Project(service).ServiceReferences)
            Assert.Equal($"http://{other}", data[$"services__{other}__http__0"]);

        // The container reads it all, and rolls when it changes.
        var deployment = published.Single<V1Deployment>(service);
        Assert.Equal(published.Single<V1ConfigMap>(service).Metadata.Name,
            Assert.Single(Assert.Single(deployment.Spec.Template.Spec.Containers).EnvFrom).ConfigMapRef.Name);
        Assert.Matches("^[0-9a-f]{16}$", deployment.Spec.Template.Metadata.Annotations[ServiceManifests.ConfigHashAnnotation]);
    }

    [Theory, MemberData(nameof(Services))]
    public void Each_pod_reports_its_own_instance_and_version_to_opentelemetry(string service)
    {
        var env = Assert.Single(published.Single<V1Deployment>(service).Spec.Template.Spec.Containers).Env.ToList();
        var podName = env.FindIndex(e => e.Name == "POD_NAME");
        var attributes = env.FindIndex(e => e.Name == "OTEL_RESOURCE_ATTRIBUTES");
        Assert.True(podName >= 0 && podName < attributes, "POD_NAME must be declared before the variable that expands it");
        Assert.Contains("service.instance.id=$(POD_NAME)", env[attributes].Value, StringComparison.Ordinal);
        Assert.Contains($"service.version={CsprojVersion(service)}", env[attributes].Value, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Services))]
    public void The_image_is_the_registry_repository_tagged_with_the_service_version(string service)
    {
        var container = Assert.Single(published.Single<V1Deployment>(service).Spec.Template.Spec.Containers);
        Assert.StartsWith(PublishedSystem.Registry + "/studios/", container.Image, StringComparison.Ordinal);
        Assert.EndsWith(":" + CsprojVersion(service), container.Image, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Services))]
    public void The_service_reaches_the_http_port_and_the_autoscaler_and_budget_keep_two_pods(string service)
    {
        var kubernetesService = published.Single<V1Service>(service);
        Assert.Equal(service, kubernetesService.Metadata.Name);
        Assert.Equal("http", Assert.Single(kubernetesService.Spec.Ports).TargetPort.Value);

        var autoscaler = published.Single<V2HorizontalPodAutoscaler>(service);
        Assert.Equal("Deployment", autoscaler.Spec.ScaleTargetRef.Kind);
        Assert.Equal(published.Single<V1Deployment>(service).Metadata.Name, autoscaler.Spec.ScaleTargetRef.Name);
        Assert.True(autoscaler.Spec.MinReplicas >= 2);
        Assert.True(autoscaler.Spec.MaxReplicas >= autoscaler.Spec.MinReplicas);
        Assert.Contains(autoscaler.Spec.Metrics, m => m.Resource?.Name == "cpu");
        // The autoscaler owns the replica count; an apply must not reset it.
        Assert.Null(published.Single<V1Deployment>(service).Spec.Replicas);

        Assert.Equal("1", published.Single<V1PodDisruptionBudget>(service).Spec.MaxUnavailable.Value);
    }

    private static string CsprojVersion(string service) =>
        XDocument.Load(Repository.PathOf(SystemModel.Project(service).ProjectPath)).Descendants("Version").Single().Value;
}
