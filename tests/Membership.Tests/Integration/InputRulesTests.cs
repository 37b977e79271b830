using System.Net;
using System.Net.Http.Json;

namespace Studios.Membership.Tests.Integration;

/// <summary>The input rules of ServiceDefaults as Membership's clients meet them: a NUL in the intake question or answer
/// used to reach PostgreSQL and fail as a 500; now it is a 400 naming the field, while line breaks stay allowed there.</summary>
[Collection(MembershipCollection.Name)]
[Trait("Category", "Integration")]
public sealed class InputRulesTests(MembershipFixture fixture)
{
    [Fact]
    public async Task A_NUL_in_the_intake_question_or_answer_is_a_400_naming_it_and_line_breaks_are_kept()
    {
        var facilitator = await fixture.RegisterAsync();
        var person = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 3, joinPolicy: "request-to-join");

        var question = await (await facilitator.Client.PutAsJsonAsync($"/api/studios/{studioId}/policy",
            new { joinPolicy = "request-to-join", intakeQuestion = "Why\0now?" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(question.GetProperty("errors").TryGetProperty("intakeQuestion", out _), question.ToString());
        await (await facilitator.Client.PutAsJsonAsync($"/api/studios/{studioId}/policy",
            new { joinPolicy = "request-to-join", intakeQuestion = "Why now?\nAnd why here?" })).ShouldBeAsync(HttpStatusCode.OK);

        var answer = await (await person.Client.PostJsonAsync($"/api/studios/{studioId}/join-requests",
            new { intakeAnswer = "Because\0" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(answer.GetProperty("errors").TryGetProperty("intakeAnswer", out _), answer.ToString());
        var request = await (await person.Client.PostJsonAsync($"/api/studios/{studioId}/join-requests",
            new { intakeAnswer = "I journal daily.\nI want company." })).ShouldBeAsync<Apis.Models.MemberResponse>(HttpStatusCode.Created);
        Assert.Equal("I journal daily.\nI want company.", request.IntakeAnswer);
    }
}
