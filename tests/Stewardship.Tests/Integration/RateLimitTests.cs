using System.Net;
using Studios.ServiceDefaults.Security;
using Studios.Testing;
using Studios.Testing.Telemetry;

namespace Studios.Stewardship.Tests.Integration;

/// <summary>The service with low limits: three commands per person and three anonymous requests per address a minute.</summary>
public sealed class LowRateLimitsFixture : StewardshipFixture
{
    public const int Limit = 3;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["RateLimits:CommandsPerPerson:PermitLimit"] = $"{Limit}",
        ["RateLimits:CommandsPerPerson:Window"] = "00:01:00",
        ["RateLimits:AnonymousPerAddress:PermitLimit"] = $"{Limit}",
        ["RateLimits:AnonymousPerAddress:Window"] = "00:01:00",
    };
}

/// <summary>The rate limiter set once in ServiceDefaults, seen through one service.</summary>
[Trait("Category", "Integration")]
public sealed class RateLimitTests(LowRateLimitsFixture fixture) : IClassFixture<LowRateLimitsFixture>
{
    [Fact]
    public async Task A_burst_of_commands_is_refused_for_that_person_only_and_counted()
    {
        using var metrics = new MetricRecorder(fixture.Factory.Services, RateLimitMetrics.MeterName);
        var fatima = fixture.Factory.ClientFor(Guid.NewGuid(), "Fatima Facilitator", "facilitator");
        for (var i = 0; i < LowRateLimitsFixture.Limit; i++) await fatima.ProposeAsync();

        var refused = await fatima.PostJsonAsync("/api/studios", Api.Proposal(Api.UniqueName(), Guid.NewGuid()));
        var problem = await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal(RateLimiting.CommandsPerPerson, problem.GetProperty("limit").GetString());
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(1, metrics.Counter(RateLimitMetrics.RejectedInstrument, $"limit={RateLimiting.CommandsPerPerson}"));

        // Reads are not limited; another person's commands are not affected.
        Assert.Equal(HttpStatusCode.OK, (await fatima.GetAsync("/api/studios")).StatusCode);
        var other = fixture.Factory.ClientFor(Guid.NewGuid(), "Farid Facilitator", "facilitator");
        await other.ProposeAsync();
        Assert.Equal(1, metrics.Counter(RateLimitMetrics.RejectedInstrument, $"limit={RateLimiting.CommandsPerPerson}"));
    }

    [Fact]
    public async Task Anonymous_requests_are_limited_per_address_but_health_probes_never_are()
    {
        using var metrics = new MetricRecorder(fixture.Factory.Services, RateLimitMetrics.MeterName);
        using var anonymous = fixture.Factory.CreateClient();
        for (var i = 0; i < LowRateLimitsFixture.Limit; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/studios")).StatusCode);

        var refused = await anonymous.GetAsync("/api/studios");
        var problem = await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(RateLimiting.AnonymousPerAddress, problem.GetProperty("limit").GetString());
        Assert.True(refused.Headers.RetryAfter is not null, "Retry-After expected on a 429");
        Assert.Equal(1, metrics.Counter(RateLimitMetrics.RejectedInstrument, $"limit={RateLimiting.AnonymousPerAddress}"));

        for (var i = 0; i < 2 * LowRateLimitsFixture.Limit; i++)
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        // A signed-in person is counted by who they are, not by the address they share with the anonymous caller.
        var steward = fixture.Factory.ClientFor(Guid.NewGuid(), "Rae Reviewer", "steward");
        Assert.Equal(HttpStatusCode.OK, (await steward.GetAsync("/api/studios")).StatusCode);
    }
}
