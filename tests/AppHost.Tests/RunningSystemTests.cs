using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Studios.AppHost.Tests.Support;
using Xunit.Abstractions;

namespace Studios.AppHost.Tests;

/// <summary>The system as AppHost/Program.cs composes it, started by Aspire.Hosting.Testing.</summary>
[Collection(RunningAppCollection.Name)]
public sealed class RunningSystemTests(RunningApp running, ITestOutputHelper output)
{
    private static readonly string[] Services = ["membership", "scheduling", "practice-content", "stewardship", "notifications"];
    private static readonly Dictionary<string, string> DatabaseOf = new()
    {
        ["membership"] = "membership", ["scheduling"] = "scheduling", ["practice-content"] = "practice_content", ["stewardship"] = "stewardship",
        ["notifications"] = "notifications",
    };

    private StudiosApp App => running.Studios;

    [Fact]
    public void Every_resource_is_running_and_healthy()
    {
        output.WriteLine($"up in {App.StartupTime.TotalSeconds:0.0} s\n{App.DescribeStates()}");
        Assert.Equal(
            ["identity", "mail", "membership", "membership-db", "messaging", "notifications", "notifications-db", "postgres",
             "practice-content", "practice-content-db", "scheduling", "scheduling-db", "stewardship", "stewardship-db", "web"],
            App.Resources.Select(r => r.Name).Where(name => name != "aspire-dashboard").Order());
        foreach (var resource in App.Resources)
        {
            var snapshot = App.Snapshot(resource.Name);
            Assert.True(snapshot.State?.Text == KnownResourceStates.Running, $"{resource.Name} is {snapshot.State?.Text}");
            Assert.True(snapshot.HealthStatus is null or Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy,
                $"{resource.Name} is {snapshot.HealthStatus}");
        }
    }

    [Fact]
    public void The_broker_s_and_the_database_s_console_output_is_the_resource_s_log()
    {
        // What the dashboard's console logs page shows for them (Aspire.Hosting.Testing forwards the same lines).
        Assert.Contains(App.Logs.Of("messaging"), line => line.Contains("Server startup complete", StringComparison.Ordinal));
        Assert.Contains(App.Logs.Of("postgres"), line => line.Contains("database system is ready to accept connections", StringComparison.Ordinal));
    }

    [Fact]
    public void A_service_gets_only_standard_configuration_with_its_own_database_login()
    {
        foreach (var service in Services)
        {
            var environment = App.Snapshot(service).EnvironmentVariables.ToDictionary(v => v.Name, v => v.Value ?? "");
            var database = DatabaseOf[service];
            var connection = new NpgsqlConnectionStringBuilder(environment[$"ConnectionStrings__{database}"]);
            Assert.Equal((database, database, "127.0.0.1"), (connection.Database, connection.Username, connection.Host));
            Assert.StartsWith("amqp://studios:", environment["ConnectionStrings__messaging"], StringComparison.Ordinal);
            Assert.Equal(App.Url("identity").ToString().TrimEnd('/'), environment["Identity__Authority"].TrimEnd('/'));
            Assert.Equal(service, environment["OTEL_SERVICE_NAME"]);
            Assert.StartsWith("http://127.0.0.1:", environment["OTEL_EXPORTER_OTLP_ENDPOINT"], StringComparison.Ordinal);
            string[] connections = service == "notifications" ? [database, "messaging", "mail"] : [database, "messaging"];
            Assert.Equal(connections.Order(), environment.Keys.Where(key => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal))
                .Select(key => key["ConnectionStrings__".Length..]).Order());
        }
    }

    [Fact]
    public void The_web_app_signs_people_in_at_the_identity_and_finds_the_services_by_discovery_without_a_database()
    {
        var environment = App.Snapshot("web").EnvironmentVariables.ToDictionary(v => v.Name, v => v.Value ?? "");
        Assert.Equal(App.Url("identity").ToString().TrimEnd('/'), environment["Identity__Authority"].TrimEnd('/'));
        foreach (var service in new[] { "membership", "scheduling", "practice-content", "stewardship" })
            Assert.Equal(App.Url(service).ToString().TrimEnd('/'), environment[$"services__{service}__http__0"].TrimEnd('/'));
        Assert.DoesNotContain(environment.Keys, key => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Notifications_sends_through_the_development_mail_server_which_shows_what_it_received()
    {
        var environment = App.Snapshot("notifications").EnvironmentVariables.ToDictionary(v => v.Name, v => v.Value ?? "");
        Assert.Equal($"smtp://127.0.0.1:{App.App.GetEndpoint("mail", "smtp").Port}", environment["ConnectionStrings__mail"]);
        Assert.Equal(App.Url("notifications").ToString().TrimEnd('/'), environment["Notifications__PublicBaseUrl"].TrimEnd('/'));
        // Its mails link to the web app.
        Assert.Equal(App.Url("web").ToString().TrimEnd('/'), environment["Notifications__AppBaseUrl"].TrimEnd('/'));
        Assert.Equal(App.Url("membership").ToString().TrimEnd('/'), environment["Notifications__MembershipPublicUrl"].TrimEnd('/'));

        using var mailbox = new HttpClient { BaseAddress = App.Url("mail") };
        using var messages = await mailbox.GetAsync("/api/messages");
        Assert.Equal(HttpStatusCode.OK, messages.StatusCode);
    }

    [Fact]
    public async Task A_service_login_reaches_its_own_database_and_no_other()
    {
        var membership = await App.App.GetConnectionStringAsync("membership-db");
        await using (var own = new NpgsqlConnection(membership)) await own.OpenAsync();

        var intoScheduling = new NpgsqlConnectionStringBuilder(membership) { Database = "scheduling", Pooling = false }.ConnectionString;
        await using var other = new NpgsqlConnection(intoScheduling);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => other.OpenAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task The_development_identity_signs_tokens_the_services_accept_and_answers_loopback_only()
    {
        using var identity = new HttpClient { BaseAddress = App.Url("identity") };
        var discovery = (await identity.GetFromJsonAsync<JsonObject>("/.well-known/openid-configuration"))!;
        Assert.Equal(App.Url("identity").ToString().TrimEnd('/'), (string?)discovery["issuer"]);

        var operatorToken = await App.TokenAsync(Guid.NewGuid(), "Olu", "operator");
        using (var stewardship = App.ServiceClient("stewardship", operatorToken))
        using (var accepted = await stewardship.GetAsync("/api/stewards"))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            SecurityHeaderChecks.AssertPrivate(accepted); // from a real Kestrel: no Server header either
        }

        // The same claims signed by another key (as Studios.Testing mints them) are refused.
        using (var stewardship = App.ServiceClient("stewardship", TestTokens.For(Guid.NewGuid(), "Mallory", "operator")))
        using (var refused = await stewardship.GetAsync("/api/stewards"))
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/api/dev-tokens") { Content = JsonContent.Create(new { name = "Eve" }) };
        foreign.Headers.Host = "studios.example.org";
        using var hostRefused = await identity.SendAsync(foreign);
        Assert.Equal(HttpStatusCode.BadRequest, hostRefused.StatusCode);
    }

    [Fact]
    public void Every_process_of_the_run_listens_on_loopback_only()
    {
        var pids = ProcessTree.OfAppHost(Environment.ProcessId);
        var listening = Sockets.Listening().Where(socket => socket.Pids.Overlaps(pids)).ToList();
        foreach (var socket in listening) output.WriteLine($"  {socket.Address}:{socket.Port} {socket.Process}");
        Assert.Contains(listening, socket => socket.Port == App.Url("stewardship").Port);
        Assert.All(listening, socket => Assert.True(socket.Address is "127.0.0.1" or "[::1]", $"{socket.Process} listens on {socket.Address}:{socket.Port}"));
    }
}
