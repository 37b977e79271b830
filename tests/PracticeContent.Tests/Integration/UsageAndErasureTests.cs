using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Studios.Membership.Contracts;
using Studios.PracticeContent.Consumers;
using Studios.Scheduling.Contracts;
using Studios.Testing;

namespace Studios.PracticeContent.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class UsageAndErasureTests(UsageAndErasureTests.Fixture service) : IClassFixture<UsageAndErasureTests.Fixture>
{
    public sealed class Fixture : PracticeContentFixture
    {
        protected override string Name => "practice_usage";
    }

    private static SessionHeld Held(Guid sessionId, Guid studioId, int present, DateTimeOffset occurredAt, params PracticeUsed[] used) =>
        new(sessionId, studioId, DateTimeOffset.UtcNow.AddHours(-2), present, 1, 0, 2, null, used, occurredAt);

    private async Task<JsonNode> VersionAsync(HttpClient client, Guid practiceId, int version) =>
        await (await client.GetAsync($"/api/practices/{practiceId}/versions/{version}")).ReadAsync(HttpStatusCode.OK);

    [Fact]
    public async Task Usage_counts_sessions_and_studios_per_version_and_corrections_replace()
    {
        var author = service.As(Guid.NewGuid(), "Ada", "facilitator");
        var practiceId = (await author.CreatePublishedPracticeAsync(Api.Practice("Counted practice"))).Id("practiceId");
        await (await author.PutAsJsonAsync($"/api/practices/{practiceId}", Api.Practice("Counted practice, v2"), Api.Json)).ReadAsync(HttpStatusCode.OK);
        await (await author.PostAsync($"/api/practices/{practiceId}/publish", null)).ReadAsync(HttpStatusCode.Created);
        var other = (await author.CreatePublishedPracticeAsync(Api.Practice("Other practice"))).Id("practiceId");

        var (studioA, studioB) = (Guid.NewGuid(), Guid.NewGuid());
        var (s1, s2, s3) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var at = DateTimeOffset.UtcNow;
        var v1 = new PracticeUsed(practiceId, 1);
        var v2 = new PracticeUsed(practiceId, 2);
        await service.Bus.PublishAsync(Held(s1, studioA, 5, at, v1));
        var redelivery = Guid.NewGuid();
        await service.Bus.PublishAsync(Held(s2, studioA, 3, at, v1, v2), redelivery);
        await service.Bus.PublishAsync(Held(s2, studioA, 3, at, v1, v2), redelivery);
        await service.Bus.PublishAsync(Held(s3, studioB, 4, at, v1));

        await Eventually.TrueAsync(async () => (await VersionAsync(author, practiceId, 1))["usage"]!["timesPractised"]!.GetValue<int>() == 3,
            PracticeContentFixture.Patience, "three sessions to count for version 1");
        var version1 = await VersionAsync(author, practiceId, 1);
        Assert.Equal(2, version1["usage"]!["studios"]!.GetValue<int>());
        Assert.Equal(6 + 4 + 5, version1["usage"]!["attendees"]!.GetValue<long>());
        Assert.Equal(1, (await VersionAsync(author, practiceId, 2))["usage"]!["timesPractised"]!.GetValue<int>());

        // Session 3 is corrected: it used the other practice, not this one. The correction replaces, never adds.
        await service.Bus.PublishAsync(Held(s3, studioB, 4, at.AddMinutes(5), new PracticeUsed(other, 1)));
        await Eventually.TrueAsync(async () => (await VersionAsync(author, practiceId, 1))["usage"]!["timesPractised"]!.GetValue<int>() == 2,
            PracticeContentFixture.Patience, "the corrected session to stop counting for version 1");
        // An older report of session 3 arriving late is ignored.
        await service.Bus.PublishAsync(Held(s3, studioB, 4, at.AddMinutes(-5), v1, v2));
        await service.Bus.PublishAsync(Held(Guid.NewGuid(), studioB, 1, at, new PracticeUsed(other, 1)));
        await Eventually.TrueAsync(async () => (await VersionAsync(author, other, 1))["usage"]!["timesPractised"]!.GetValue<int>() == 2,
            PracticeContentFixture.Patience, "later messages to be consumed");

        var practice = await (await author.GetAsync($"/api/practices/{practiceId}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(2, practice["usage"]!["timesPractised"]!.GetValue<int>());
        Assert.Equal(1, practice["usage"]!["studios"]!.GetValue<int>());
        Assert.Equal([2, 1], practice["versions"]!.AsArray().Select(v => v!["usage"]!["timesPractised"]!.GetValue<int>()));
        Assert.Equal(2L, await service.ScalarAsync<long>("SELECT count(*) FROM session_practice_usage WHERE session_id = @s2", new { s2 }));

        var byUsage = await (await author.GetAsync("/api/practices?sort=usage&limit=2")).ReadAsync(HttpStatusCode.OK);
        var top = byUsage["items"]!.AsArray().Select(item => item!.Id()).ToList();
        Assert.Contains(practiceId, top);
        Assert.Contains(other, top);
    }

    [Fact]
    public async Task Erasure_keeps_practices_without_the_author_and_deletes_reflections()
    {
        var person = Guid.NewGuid();
        var facilitator = Guid.NewGuid();
        var studioId = await service.ApprovedStudioAsync(facilitator);
        await service.JoinAsync(studioId, person);
        var client = service.As(person, "Erin Erased", "facilitator");
        var practiceId = (await client.CreatePublishedPracticeAsync(Api.Practice("Outlives its author"))).Id("practiceId");
        var reflection = await (await client.PostAsJsonAsync("/api/reflections", new { text = "Mine", visibility = "studio", studioId }, Api.Json))
            .ReadAsync(HttpStatusCode.Created);

        await service.Bus.PublishAsync(new PersonErased(person, DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(async () => await service.ScalarAsync<long>(
            "SELECT count(*) FROM reflections WHERE author_id = @person", new { person }) == 0, PracticeContentFixture.Patience, "reflections to be deleted");

        var reader = service.As(Guid.NewGuid(), "Reader", "participant");
        var practice = await (await reader.GetAsync($"/api/practices/{practiceId}")).ReadAsync(HttpStatusCode.OK);
        Assert.Null(practice["authorName"]);
        Assert.True(practice["authorErased"]!.GetValue<bool>());
        Assert.Equal("Outlives its author", practice["published"]!["title"]!.GetValue<string>());
        var search = await (await reader.GetAsync("/api/practices?q=outlives")).ReadAsync(HttpStatusCode.OK);
        Assert.Null(Assert.Single(search["items"]!.AsArray())!["authorName"]);
        Assert.Equal(0L, await service.ScalarAsync<long>(
            "SELECT count(*) FROM practices WHERE author_id = @person OR author_name = 'Erin Erased'", new { person }));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/reflections/{reflection.Id()}")).StatusCode);

        // A roster event that arrives after the erasure does not bring the person back.
        await service.Bus.PublishAsync(new MemberJoinedStudio(studioId, person, "participant", "open", DateTimeOffset.UtcNow));
        var marker = Guid.NewGuid();
        await service.JoinAsync(studioId, marker);
        Assert.Equal(0L, await service.ScalarAsync<long>("SELECT count(*) FROM studio_members WHERE person_id = @person", new { person }));
    }

    [Fact]
    public void Consumer_queues_carry_the_service_name_so_other_services_consuming_the_same_events_get_their_own()
    {
        var formatter = service.Factory.Services.GetRequiredService<IEndpointNameFormatter>();
        Assert.Equal("practice-content-person-erased", formatter.Consumer<PersonErasedConsumer>());
        Assert.Equal("practice-content-session-held", formatter.Consumer<SessionHeldConsumer>());
    }
}
