namespace Studios.AppHost.Hosting;

/// <summary>Aspire's resource states, as the resources API and the console table show them.</summary>
public enum ResourceState
{
    Waiting,
    Starting,
    Running,
    Unhealthy,
    Exited,
    Restarting,
    Stopping,
    Stopped,
    Failed,
}

public enum HealthStatus
{
    Unknown,
    Healthy,
    Unhealthy,
}
