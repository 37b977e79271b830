using Studios.Testing;

namespace Studios.Membership.Tests.Integration;

/// <summary>People's data is never cached or sniffed, whether read, missing or refused.</summary>
[Collection(MembershipCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SecurityHeadersTests(MembershipFixture fixture)
{
    [Fact]
    public async Task Personal_data_and_errors_carry_the_security_headers()
    {
        var personId = Guid.NewGuid();
        using var person = fixture.Factory.ClientFor(personId, "Ana", "participant");
        using var anonymous = fixture.Factory.CreateClient();

        await SecurityHeaderChecks.AssertAllAsync(fixture.Factory.Services,
            () => person.GetAsync("/api/people/me"),
            () => person.GetAsync($"/api/people/{personId}/studios"),
            () => anonymous.GetAsync("/api/people/me"));
    }
}
