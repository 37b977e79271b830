using System.Net;
using Studios.Stewardship.Apis.Models;

namespace Studios.Stewardship.Tests.Integration;

/// <summary>The input rules of ServiceDefaults as Stewardship's clients meet them: control characters in text are a 400
/// naming the field (they used to reach PostgreSQL and fail as a 500), line breaks only in prose fields, and the
/// requests that follow bad ones are served as usual.</summary>
[Trait("Category", "Integration")]
public sealed class InputRulesTests(StewardshipFixture fixture) : IClassFixture<StewardshipFixture>
{
    [Fact]
    public async Task A_NUL_in_any_text_field_is_a_400_naming_it_and_the_valid_requests_after_it_succeed()
    {
        var me = await fixture.RegisteredPersonAsync();
        var client = fixture.Factory.ClientFor(me, "Sam Steward", "steward", "operator", "facilitator");
        await client.AddStewardAsync(me, 50, "Sam Steward");
        var studio = await client.ProposeAsync();
        var failures = new List<string>();

        for (var round = 0; round < 20; round++)
        {
            foreach (var (field, body) in new (string, object)[]
            {
                ("name", Api.Proposal($"Bad\0name {Guid.NewGuid():N}", Guid.NewGuid())),
                ("purpose", new { name = Api.UniqueName(), purpose = "Listen\0well", practiceFocus = "Listening", intendedCadence = "Weekly", capacity = 12, timeZone = "Europe/Berlin", foundingFacilitatorId = Guid.NewGuid() }),
            })
            {
                var bad = await client.PostJsonAsync("/api/studios", body);
                if (bad.StatusCode != HttpStatusCode.BadRequest || !(await bad.Content.ReadAsStringAsync()).Contains($"\"{field}\""))
                    failures.Add($"round {round}, NUL in {field}: {(int)bad.StatusCode} {await bad.Content.ReadAsStringAsync()}");
            }
            var steward = await client.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/stewards/{me}")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { maxStudios = 50, displayName = "Sam\0Steward" }),
            });
            if (steward.StatusCode != HttpStatusCode.BadRequest)
                failures.Add($"round {round}, NUL in displayName: {(int)steward.StatusCode} {await steward.Content.ReadAsStringAsync()}");

            var read = await client.GetAsync($"/api/studios/{studio.Id}");
            if (read.StatusCode != HttpStatusCode.OK) failures.Add($"round {round}, valid read: {(int)read.StatusCode} {await read.Content.ReadAsStringAsync()}");
            var propose = await client.PostJsonAsync("/api/studios", Api.Proposal(Api.UniqueName(), Guid.NewGuid()));
            if (propose.StatusCode != HttpStatusCode.Created)
                failures.Add($"round {round}, valid proposal: {(int)propose.StatusCode} {await propose.Content.ReadAsStringAsync()}");
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
    }

    [Fact]
    public async Task Line_breaks_are_kept_in_prose_and_refused_in_one_line_fields_and_other_control_characters_everywhere()
    {
        var client = fixture.Factory.ClientFor(Guid.NewGuid(), "Fay Facilitator", "facilitator");
        var facilitator = Guid.NewGuid();

        var prose = await client.PostJsonAsync("/api/studios", new
        {
            name = Api.UniqueName(), purpose = "Listen well.\nWeek after week.\tTogether.", practiceFocus = "Listening",
            intendedCadence = "Weekly", capacity = 12, timeZone = "Europe/Berlin", foundingFacilitatorId = facilitator,
        });
        Assert.Equal("Listen well.\nWeek after week.\tTogether.", (await prose.ReadAsync<StudioResponse>(HttpStatusCode.Created)).Purpose);

        var lineBreak = await client.PostJsonAsync("/api/studios", Api.Proposal($"Two\nlines {Guid.NewGuid():N}", facilitator));
        Assert.Contains("must not contain control characters, line breaks", Assert.Single((await lineBreak.FieldErrorsAsync())["name"]));

        var escape = await client.PostJsonAsync("/api/studios", new
        {
            name = Api.UniqueName(), purpose = "Ring\u0007 the \u001b[2J bell", practiceFocus = "Listening",
            intendedCadence = "Weekly", capacity = 12, timeZone = "Europe/Berlin", foundingFacilitatorId = facilitator,
        });
        Assert.Contains("purpose", (await escape.FieldErrorsAsync()).Keys);
    }
}
