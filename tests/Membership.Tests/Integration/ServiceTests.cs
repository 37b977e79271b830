using System.Net;
using System.Text.Json;

namespace Studios.Membership.Tests.Integration;

[Collection(MembershipCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ServiceTests(MembershipFixture fixture)
{
    [Fact]
    public async Task The_OpenAPI_document_describes_every_endpoint()
    {
        using var client = fixture.Factory.CreateClient();
        var document = JsonDocument.Parse(await (await client.GetAsync("/openapi/v1.json")).ShouldBeAsync(HttpStatusCode.OK));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        string[] expected =
        [
            "/api/people", "/api/people/me", "/api/people/{personId}", "/api/people/{personId}/studios",
            "/api/studios/{studioId}", "/api/studios/{studioId}/members", "/api/studios/{studioId}/waitlist", "/api/studios/{studioId}/policy",
            "/api/studios/{studioId}/join-requests", "/api/studios/{studioId}/join-requests/{requestId}",
            "/api/studios/{studioId}/join-requests/{requestId}/approve", "/api/studios/{studioId}/join-requests/{requestId}/decline",
            "/api/studios/{studioId}/invitations", "/api/studios/{studioId}/invitations/{invitationId}", "/api/invitations/{token}/accept",
            "/api/studios/{studioId}/members/{personId}/leave", "/api/studios/{studioId}/members/{personId}/remove",
            "/api/studios/{studioId}/members/{personId}/role",
            "/api/audit", "/api/people/me/export",
        ];
        Assert.Empty(expected.Except(paths));

        // Handler dependencies come from DI, never from the request.
        var members = document.RootElement.GetProperty("paths").GetProperty("/api/studios/{studioId}/members").GetProperty("get");
        Assert.Equal(["cursor", "limit", "role", "state", "studioId"],
            members.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order());
    }
}
