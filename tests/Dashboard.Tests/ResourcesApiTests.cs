using System.Net;
using System.Net.Http.Json;
using Studios.Dashboard.Apis;

namespace Studios.Dashboard.Tests;

/// <summary>/api/resources, the buttons, the console and the live stream, all served from the host's IResourceCatalog.</summary>
public sealed class ResourcesApiTests
{
    [Fact]
    public async Task Resources_are_listed_with_uptime_and_their_secrets_masked()
    {
        var catalog = new FakeResourceCatalog();
        catalog.Set(FakeResourceCatalog.Service("membership", 5101));
        catalog.Set(FakeResourceCatalog.Service("scheduling", 5102, state: "Exited"));
        await using var host = await DashboardHost.StartAsync(catalog: catalog);

        var resources = await host.GetJsonAsync<ResourceView[]>("/api/resources");

        var membership = resources.Single(r => r.Name == "membership");
        Assert.Equal(("Project", "Running", "Healthy"), (membership.Type, membership.State, membership.Health));
        Assert.Equal(["http://127.0.0.1:5101"], membership.Urls);
        Assert.InRange(membership.UptimeSeconds!.Value, 170, 400);
        Assert.Equal("Host=127.0.0.1;Port=5433;Database=membership;Username=membership;Password=********",
            membership.Environment["ConnectionStrings__membership"]);
        Assert.Equal("amqp://studios:********@127.0.0.1:5673/", membership.Environment["ConnectionStrings__messaging"]);
        Assert.Equal(SecretMasker.Mask, membership.Environment["Jwt__SigningKey"]);
        Assert.Equal("membership", membership.Environment["OTEL_SERVICE_NAME"]);
        Assert.Equal("postgres, messaging", membership.Properties["waits for"]);
        Assert.Null(resources.Single(r => r.Name == "scheduling").UptimeSeconds);
        var raw = await host.Api.GetStringAsync("/api/resources");
        Assert.DoesNotContain("secret", raw);
    }

    [Fact]
    public async Task The_buttons_call_the_catalog()
    {
        var catalog = new FakeResourceCatalog();
        catalog.Set(FakeResourceCatalog.Service("membership", 5101));
        await using var host = await DashboardHost.StartAsync(catalog: catalog);

        Assert.Equal(HttpStatusCode.OK, (await host.Api.PostAsync("/api/resources/membership/stop", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Api.PostAsync("/api/resources/Membership/start", null)).StatusCode);
        using var restarted = await host.Api.PostAsync("/api/resources/membership/restart", null);
        Assert.Equal(1, (await restarted.Content.ReadFromJsonAsync<ResourceView>(Json.Options))!.RestartCount);
        using var unknown = await host.Api.PostAsync("/api/resources/nobody/restart", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.PostAsync("/api/resources/membership/stop", null)).StatusCode);
        Assert.Equal(1, (await host.GetJsonAsync<ResourceView>("/api/resources/membership")).RestartCount);
        catalog.Set(FakeResourceCatalog.Service("membership", 5101, state: "Stopping"));
        Assert.Equal(HttpStatusCode.Conflict, (await host.Api.PostAsync("/api/resources/membership/restart", null)).StatusCode);

        Assert.Equal(["stop membership", "start membership", "restart membership"], catalog.Actions);
    }

    [Fact]
    public async Task Console_lines_are_served_recent_and_live()
    {
        var catalog = new FakeResourceCatalog();
        catalog.Set(FakeResourceCatalog.Service("membership", 5101));
        catalog.Set(FakeResourceCatalog.Service("scheduling", 5102));
        catalog.Console.Append("membership", "Now listening on: http://127.0.0.1:5101");
        catalog.Console.Append("scheduling", "fail: something broke", isError: true);
        await using var host = await DashboardHost.StartAsync(catalog: catalog);

        var one = await host.GetJsonAsync<ConsoleLine[]>("/api/console?resource=membership");
        Assert.Equal("Now listening on: http://127.0.0.1:5101", Assert.Single(one).Text);
        Assert.Equal(one, await host.GetJsonAsync<ConsoleLine[]>("/api/resources/membership/console?tail=10"));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.GetAsync("/api/resources/nobody/console")).StatusCode);
        var all = await host.GetJsonAsync<ConsoleLine[]>("/api/console");
        Assert.Equal(2, all.Length);
        Assert.True(all.Single(l => l.Resource == "scheduling").IsError);

        using var stream = await Sse.OpenAsync(host.Api, "/api/console/stream?resource=membership");
        await DashboardHost.EventuallyAsync(async () =>
        {
            catalog.Console.Append("scheduling", "not for this stream");
            catalog.Console.Append("membership", "Application started.");
            return await stream.NextAsync("line", TimeSpan.FromSeconds(1));
        }, data => data?.Contains("Application started.") == true, "the live console line");
        Assert.DoesNotContain(stream.Seen, d => d.Contains("not for this stream"));
    }

    [Fact]
    public async Task The_event_stream_tells_pages_what_changed()
    {
        var catalog = new FakeResourceCatalog();
        await using var host = await DashboardHost.StartAsync(catalog: catalog);
        using var stream = await Sse.OpenAsync(host.Api, "/api/events");
        Assert.NotNull(await stream.NextAsync("hello", TimeSpan.FromSeconds(10)));

        catalog.Set(FakeResourceCatalog.Service("membership", 5101));
        Assert.Contains("resources", await stream.NextAsync("change", TimeSpan.FromSeconds(10)));

        using var response = await host.OtlpHttp.PostAsync("/v1/traces", OtlpPayloads.Protobuf(OtlpPayloads.Spans("membership",
            OtlpPayloads.Span(OtlpPayloads.NewTraceId(), OtlpPayloads.NewSpanId(), "GET /people", DateTimeOffset.UtcNow, 1))));
        Assert.Contains("traces", await stream.NextAsync("change", TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Without_a_catalog_the_resource_pages_are_empty_not_broken()
    {
        await using var host = await DashboardHost.StartAsync();

        Assert.Empty(await host.GetJsonAsync<ResourceView[]>("/api/resources"));
        Assert.Empty(await host.GetJsonAsync<ConsoleLine[]>("/api/console"));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.PostAsync("/api/resources/membership/start", null)).StatusCode);
    }
}
