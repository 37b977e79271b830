using Studios.Testing.OpenApi;
using Xunit.Abstractions;

namespace Studios.Membership.Tests.Integration;

/// <summary>Membership's OpenAPI document is one client generators can use (redocly's recommended rules report no error).</summary>
[Collection(MembershipCollection.Name)]
[Trait("Category", "Integration")]
public sealed class OpenApiDocumentTests(MembershipFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task The_OpenAPI_document_passes_the_recommended_lint_rules_and_requires_the_bearer_scheme_where_needed()
    {
        using var client = fixture.Factory.CreateClient();
        await OpenApiChecks.AssertUsableAsync(client, output,
            "GET /api/email-verifications/{token}", "POST /api/email-verifications/{token}");
    }
}
