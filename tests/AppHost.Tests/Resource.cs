using System.Net.Http.Json;

namespace Studios.AppHost.Tests;

/// <summary>A resource as GET /api/resources returns it.</summary>
public sealed record Resource(
    string Name, string Type, string State, string Health, int? Pid, string[] Urls, int RestartCount, DateTimeOffset? StartedAt)
{
    public bool IsUp => State == "Running" && Health == "Healthy" && Pid is not null;

    public override string ToString() => $"{Name}: {State}/{Health} pid {Pid} restarts {RestartCount}";

    public static async Task<Resource[]> AllAsync(HttpClient appHost) =>
        await appHost.GetFromJsonAsync<Resource[]>("/api/resources") ?? [];

    public static async Task<Resource> OneAsync(HttpClient appHost, string name) =>
        await appHost.GetFromJsonAsync<Resource>($"/api/resources/{name}") ?? throw new InvalidOperationException(name);
}
