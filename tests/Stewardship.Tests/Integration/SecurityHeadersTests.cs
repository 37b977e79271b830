using Studios.Testing;

namespace Studios.Stewardship.Tests.Integration;

/// <summary>Studios, stewards and health are never cached or sniffed, whether read or refused.</summary>
[Trait("Category", "Integration")]
public sealed class SecurityHeadersTests(StewardshipFixture fixture) : IClassFixture<StewardshipFixture>
{
    [Fact]
    public async Task Personal_data_and_errors_carry_the_security_headers()
    {
        var facilitator = fixture.Factory.ClientFor(Guid.NewGuid(), "Fatima Facilitator", "facilitator");
        var studio = await facilitator.ProposeAsync();
        var operatorClient = fixture.Factory.ClientFor(Guid.NewGuid(), "Olu Operator", "operator");
        using var anonymous = fixture.Factory.CreateClient();

        await SecurityHeaderChecks.AssertAllAsync(fixture.Factory.Services,
            () => facilitator.GetAsync($"/api/studios/{studio.Id}"),
            () => operatorClient.GetAsync("/api/stewards"),
            () => facilitator.PostJsonAsync("/api/studios", new { }),
            () => anonymous.GetAsync("/api/studios"));
    }
}
