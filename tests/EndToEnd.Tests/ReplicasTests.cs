using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Studios.EndToEnd.Tests;

/// <summary>The system the journey runs on has two instances of every service, each its own healthy process.</summary>
[Collection(SystemCollection.Name)]
public sealed class ReplicasTests(RunningSystem system)
{
    [Fact]
    public async Task Every_service_runs_as_two_healthy_processes()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        foreach (var service in Enum.GetValues<Service>())
        {
            var resource = system.Studios.Resource(RunningSystem.ResourceName(service));
            Assert.Equal(system.Replicas, resource.GetReplicaCount());
            var instances = await system.Studios.HealthyInstancesAsync(resource, timeout.Token);
            Assert.Equal(system.Replicas, instances.Select(i => i.ResourceId).Distinct().Count());
            Assert.All(instances, i => Assert.Equal(HealthStatus.Healthy, i.Snapshot.HealthStatus));
            var pids = instances.Select(i => i.Snapshot.Properties.Single(p => p.Name == "executable.pid").Value!.ToString()).ToHashSet();
            Assert.Equal(system.Replicas, pids.Count);
        }
    }
}
