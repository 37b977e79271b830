using System.Net;
using System.Text.Json;
using Studios.ServiceDefaults.PersonalData;
using Studios.Testing;

namespace Studios.Notifications.Tests.Integration;

/// <summary>GET /api/people/me/export: the address Notifications mails to, the person's choices, rosters and RSVPs it
/// knows, the mails it sent them; never an unsubscribe token, never someone else's rows.</summary>
[Trait("Category", "Integration")]
public sealed class PersonalDataExportTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    private readonly Community _community = new(fixture);

    [Fact]
    public async Task A_person_gets_their_profile_preferences_rosters_rsvps_and_mails()
    {
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        var pat = await _community.RegisterAsync(TestPerson.New("Pat"));
        var studioId = await _community.StudioAsync(fay);
        await _community.JoinAsync(studioId, pat);
        var sessionId = await _community.SessionAsync(studioId, _community.Now.AddDays(3));
        await _community.RsvpAsync(studioId, sessionId, fay, "going");
        using var client = fixture.Factory.ClientFor(fay.Id, fay.Name, "facilitator");
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync("/api/people/me/notification-preferences",
            new { reminderMinutesBefore = new[] { 30 } })).StatusCode);

        PersonalDataExport? export = null;
        await Eventually.TrueAsync(async () =>
        {
            export = await (await client.GetAsync(PersonalDataEndpoints.Path)).ReadAsync<PersonalDataExport>();
            return export.Data["mails"].EnumerateArray().Any(m => m.GetProperty("status").GetString() == "sent")
                && export.Data["rsvps"].GetArrayLength() > 0;
        }, NotificationsFixture.Patience, "the studio's mail to its founder and the RSVP to be kept");

        Assert.Equal(("notifications", fay.Id), (export!.Service, export.PersonId));
        var profile = Assert.Single(export.Data["profile"].EnumerateArray());
        Assert.Equal((fay.Email, fay.Name), (profile.GetProperty("email").GetString(), profile.GetProperty("display_name").GetString()));
        Assert.Equal([30], Assert.Single(export.Data["preferences"].EnumerateArray()).GetProperty("reminder_minutes")
            .EnumerateArray().Select(m => m.GetInt32()));
        Assert.Equal(studioId, Assert.Single(export.Data["studioMemberships"].EnumerateArray()).GetProperty("studio_id").GetGuid());
        Assert.Equal(sessionId, Assert.Single(export.Data["rsvps"].EnumerateArray()).GetProperty("session_id").GetGuid());
        // A sent mail keeps no address or content, only what was sent when.
        var mail = Assert.Single(export.Data["mails"].EnumerateArray());
        Assert.Equal(("studio-approved", "sent"), (mail.GetProperty("kind").GetString(), mail.GetProperty("status").GetString()));
        Assert.False(mail.TryGetProperty("unsubscribe_token", out _), "an unsubscribe token is a secret");
        var text = JsonSerializer.Serialize(export);
        Assert.DoesNotContain(pat.Email, text);
        Assert.DoesNotContain(pat.Id.ToString(), text);
    }
}
