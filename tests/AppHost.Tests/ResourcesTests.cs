using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Studios.AppHost.Tests;

[Collection(AppHostCollection.Name)]
public sealed class ResourcesTests(RunningAppHost appHost)
{
    private static readonly string[] Services = ["membership", "scheduling", "practice-content", "stewardship"];

    [Fact]
    public async Task Every_resource_is_listed_running_and_healthy_with_its_type_pid_and_urls()
    {
        var resources = await Resource.AllAsync(appHost.Api);

        Assert.Equal(["messaging", "postgres", .. Services], resources.Select(r => r.Name));
        Assert.All(resources, r => Assert.True(r.IsUp, r.ToString()));
        Assert.All(resources, r => Assert.True(ProcessTable.IsAlive(r.Pid!.Value), $"{r.Name}'s pid {r.Pid} is not alive"));
        Assert.All(resources, r => Assert.NotNull(r.StartedAt));
        Assert.Equal("RabbitMQ", resources.Single(r => r.Name == "messaging").Type);
        Assert.Equal("PostgreSQL", resources.Single(r => r.Name == "postgres").Type);
        Assert.All(resources.Where(r => Services.Contains(r.Name)), r => Assert.Equal("Project", r.Type));
        Assert.Contains($"amqp://127.0.0.1:{appHost.Ports["RabbitMq"]}", resources.Single(r => r.Name == "messaging").Urls);
        Assert.Equal([$"http://127.0.0.1:{appHost.Ports["Membership"]}"], resources.Single(r => r.Name == "membership").Urls);
    }

    [Fact]
    public async Task Every_service_reports_healthy_database_and_broker_checks()
    {
        foreach (var service in (await Resource.AllAsync(appHost.Api)).Where(r => r.Type == "Project"))
        {
            using var client = new HttpClient();
            using var response = await client.GetAsync($"{service.Urls[0]}/health");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{service.Name} /health: {(int)response.StatusCode} {body}");

            using var report = JsonDocument.Parse(body);
            Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
            var checks = report.RootElement.GetProperty("checks");
            foreach (var check in new[] { "database", "broker" })
                Assert.True(checks.TryGetProperty(check, out var entry) && entry.GetProperty("status").GetString() == "Healthy",
                    $"{service.Name} has no healthy '{check}' check: {body}");
        }
    }

    [Fact]
    public async Task An_unknown_resource_is_a_404_problem()
    {
        using var response = await appHost.Api.PostAsync("/api/resources/no-such-thing/restart", null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Each_resource_writes_its_console_output_to_its_log_file_and_buffer()
    {
        string[] names = ["messaging", "postgres", .. Services];
        foreach (var name in names)
        {
            var file = Path.Combine(appHost.Data.Path, "logs", $"{name}.log");
            Assert.True(File.Exists(file) && new FileInfo(file).Length > 0, $"{file} is missing or empty");
            var lines = await appHost.Api.GetFromJsonAsync<JsonElement[]>($"/api/resources/{name}/console?tail=50");
            Assert.NotEmpty(lines!);
        }
    }

    [Fact]
    public void Generated_secrets_are_readable_by_their_owner_only()
    {
        if (OperatingSystem.IsWindows()) return;
        string[] secrets =
        [
            .. Directory.GetFiles(Path.Combine(appHost.Data.Path, "secrets")),
            Path.Combine(appHost.Data.Path, "postgres", "superuser.password"),
            Path.Combine(appHost.Data.Path, "rabbitmq", "broker.password"),
        ];
        Assert.Contains(secrets, f => f.EndsWith("postgres-role-membership.password", StringComparison.Ordinal));
        foreach (var file in secrets) Assert.True(File.GetUnixFileMode(file) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), file);
    }
}
