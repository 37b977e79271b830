using System.Runtime.CompilerServices;

namespace Studios.AppHost.Local;

/// <summary>What a run on this machine adds to the application model: its data folder, ports (the dashboard's too) and replicas,
/// the checks before anything starts, and the start-up report. Nothing here happens when the model is published.</summary>
public sealed class LocalRun
{
    private static readonly ConditionalWeakTable<IDistributedApplicationBuilder, LocalRun> Runs = [];

    private LocalRun(LocalData data, LocalPorts ports, LocalReplicas replicas)
    {
        Data = data;
        Ports = ports;
        Replicas = replicas;
    }

    public LocalData Data { get; }

    public LocalPorts Ports { get; }

    public LocalReplicas Replicas { get; }

    /// <summary>This builder's local run, set up on first use.</summary>
    public static LocalRun Of(IDistributedApplicationBuilder builder) => Runs.GetValue(builder, Create);

    private static LocalRun Create(IDistributedApplicationBuilder builder)
    {
        var run = new LocalRun(LocalData.For(builder), new LocalPorts(builder.Configuration), new LocalReplicas(builder.Configuration));
        if (builder.ExecutionContext.IsPublishMode) return run;

        // The dashboard and its OTLP receivers on loopback and their Ports:* settings; 
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{run.Ports.Fixed("Dashboard")}",
            ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{run.Ports.Fixed("OtlpGrpc")}",
            ["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = $"http://127.0.0.1:{run.Ports.Fixed("OtlpHttp")}",
            ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
        });
        builder.Eventing.Subscribe<BeforeStartEvent>((_, _) =>
        {
            run.Replicas.EnsureValid();
            run.Ports.EnsureFree();
            return Task.CompletedTask;
        });
        builder.Services.AddHostedService<StartupReport>();
        StartupReport.LogTimeline(builder);
        return run;
    }
}
