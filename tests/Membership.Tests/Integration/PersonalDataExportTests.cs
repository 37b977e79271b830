using System.Net;
using System.Text.Json;
using Studios.ServiceDefaults.PersonalData;

namespace Studios.Membership.Tests.Integration;

/// <summary>GET /api/people/me/export: the caller's profile, memberships and invitations, never another person's address.</summary>
[Collection(MembershipCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PersonalDataExportTests(MembershipFixture fixture)
{
    [Fact]
    public async Task A_person_gets_their_profile_memberships_and_invitations_and_the_inviter_no_invitee_address()
    {
        var facilitator = await fixture.RegisterAsync();
        var person = await fixture.RegisterAsync("Ines Exported");
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 5, joinPolicy: "request-to-join");
        await (await person.Client.PostJsonAsync($"/api/studios/{studioId}/join-requests", new { intakeAnswer = "I listen badly" }))
            .ShouldBeAsync(HttpStatusCode.Created);
        var otherStudio = await fixture.OpenStudioAsync(facilitator, capacity: 5);
        await (await facilitator.Client.PostJsonAsync($"/api/studios/{otherStudio}/invitations", new { email = person.Email }))
            .ShouldBeAsync(HttpStatusCode.Created);

        var export = await (await person.Client.GetAsync(PersonalDataEndpoints.Path)).ShouldBeAsync<PersonalDataExport>(HttpStatusCode.OK);
        Assert.Equal(("membership", person.Id), (export.Service, export.PersonId));
        var profile = Assert.Single(export.Data["profile"].EnumerateArray());
        Assert.Equal(("Ines Exported", person.Email), (profile.GetProperty("display_name").GetString(), profile.GetProperty("email").GetString()));
        var request = export.Data["memberships"].EnumerateArray().Single(m => m.GetProperty("studio_id").GetGuid() == studioId);
        Assert.Equal(("requested", "I listen badly"), (request.GetProperty("state").GetString(), request.GetProperty("intake_answer").GetString()));
        var invitation = Assert.Single(export.Data["invitationsReceived"].EnumerateArray());
        Assert.Equal((otherStudio, facilitator.Id), (invitation.GetProperty("studio_id").GetGuid(), invitation.GetProperty("invited_by").GetGuid()));
        Assert.False(invitation.TryGetProperty("token_hash", out _), "an invitation's token is a secret");
        Assert.DoesNotContain(facilitator.Email, JsonSerializer.Serialize(export));

        var inviter = await (await facilitator.Client.GetAsync(PersonalDataEndpoints.Path)).ShouldBeAsync<PersonalDataExport>(HttpStatusCode.OK);
        var sent = Assert.Single(inviter.Data["invitationsSent"].EnumerateArray());
        Assert.Equal(otherStudio, sent.GetProperty("studio_id").GetGuid());
        Assert.Equal(2, inviter.Data["memberships"].GetArrayLength());
        var inviterText = JsonSerializer.Serialize(inviter);
        Assert.DoesNotContain(person.Email, inviterText);
        Assert.DoesNotContain("I listen badly", inviterText);
    }
}
