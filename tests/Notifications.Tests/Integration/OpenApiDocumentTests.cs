using Studios.Testing.OpenApi;
using Xunit.Abstractions;

namespace Studios.Notifications.Tests.Integration;

/// <summary>Notifications's OpenAPI document is one client generators can use (redocly's recommended rules report no error).</summary>
[Trait("Category", "Integration")]
public sealed class OpenApiDocumentTests(NotificationsFixture fixture, ITestOutputHelper output) : IClassFixture<NotificationsFixture>
{
    [Fact]
    public async Task The_OpenAPI_document_passes_the_recommended_lint_rules_and_requires_the_bearer_scheme_where_needed()
    {
        using var client = fixture.Factory.CreateClient();
        await OpenApiChecks.AssertUsableAsync(client, output, "GET /api/unsubscribe/{token}", "POST /api/unsubscribe/{token}");
    }
}
