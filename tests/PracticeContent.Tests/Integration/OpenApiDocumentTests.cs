using Studios.Testing.OpenApi;
using Xunit.Abstractions;

namespace Studios.PracticeContent.Tests.Integration;

/// <summary>PracticeContent's OpenAPI document is one client generators can use (redocly's recommended rules report no error).</summary>
[Trait("Category", "Integration")]
public sealed class OpenApiDocumentTests(OpenApiDocumentTests.Fixture service, ITestOutputHelper output) : IClassFixture<OpenApiDocumentTests.Fixture>
{
    public sealed class Fixture : PracticeContentFixture
    {
        protected override string Name => "practice_openapi";
    }

    [Fact]
    public async Task The_OpenAPI_document_passes_the_recommended_lint_rules_and_requires_the_bearer_scheme_where_needed()
    {
        using var client = service.Factory.CreateClient();
        await OpenApiChecks.AssertUsableAsync(client, output);
    }
}
