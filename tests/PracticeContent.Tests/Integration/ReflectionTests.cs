using Studios.Testing.Telemetry;
using System.Net;
using System.Net.Http.Json;
using Studios.PracticeContent.Contracts;

namespace Studios.PracticeContent.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class ReflectionTests(ReflectionTests.Fixture service) : IClassFixture<ReflectionTests.Fixture>
{
    public sealed class Fixture : PracticeContentFixture
    {
        protected override string Name => "practice_reflections";
    }

    [Fact]
    public async Task A_private_reflection_is_not_found_by_anyone_but_its_author()
    {
        var author = Guid.NewGuid();
        var asAuthor = service.As(author, "Ari", "participant");
        var created = await (await asAuthor.PostAsJsonAsync("/api/reflections",
            new { text = "Only for me", visibility = "private" }, Api.Json)).ReadAsync(HttpStatusCode.Created);
        Assert.Equal("private", created["visibility"]!.GetValue<string>());

        await (await asAuthor.GetAsync($"/api/reflections/{created.Id()}")).ReadAsync(HttpStatusCode.OK);
        foreach (var role in new[] { "participant", "facilitator", "steward", "operator" })
        {
            var other = service.As(Guid.NewGuid(), "Other", role);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/reflections/{created.Id()}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/reflections/{created.Id()}/share",
                new { visibility = "network" }, Api.Json)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/reflections/{created.Id()}")).StatusCode);
        }

        var mine = await (await asAuthor.GetAsync("/api/people/me/reflections")).ReadAsync(HttpStatusCode.OK);
        Assert.Contains(mine["items"]!.AsArray(), item => item!.Id() == created.Id());
    }

    [Fact]
    public async Task Studio_reflections_are_read_by_members_and_sharing_publishes_ids_only()
    {
        var facilitator = Guid.NewGuid();
        var studioId = await service.ApprovedStudioAsync(facilitator);
        var author = Guid.NewGuid();
        var member = Guid.NewGuid();
        await service.JoinAsync(studioId, author);
        await service.JoinAsync(studioId, member);
        var practice = await service.As(facilitator, "Fran", "facilitator").CreatePublishedPracticeAsync(Api.Practice("Reflected on"));
        var practiceId = practice.Id("practiceId");

        using var metrics = new MetricRecorder(service.Factory.Services, "Studios.PracticeContent");
        var log = await service.Bus.ObserveAsync<ReflectionShared>();
        var asAuthor = service.As(author, "Ari", "participant");
        var shared = await (await asAuthor.PostAsJsonAsync("/api/reflections", new
        {
            text = "We listened <b>well</b>",
            visibility = "studio",
            studioId,
            practiceId,
            practiceVersion = 1,
            sessionId = Guid.NewGuid(),
        }, Api.Json)).ReadAsync(HttpStatusCode.Created);

        var evt = await log.WaitForAsync(e => e.ReflectionId == shared.Id());
        Assert.Equal(("studio", studioId, practiceId, author), (evt.Visibility, evt.StudioId!.Value, evt.PracticeId!.Value, evt.PersonId));
        Assert.DoesNotContain(typeof(ReflectionShared).GetProperties(), p => p.Name.Contains("Text"));
        Assert.Equal(1, metrics.Sum("reflections.shared", "visibility", "studio"));

        var asMember = service.As(member, "Mo", "participant");
        var read = await (await asMember.GetAsync($"/api/reflections/{shared.Id()}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("We listened <b>well</b>", read["text"]!.GetValue<string>());
        var studioList = await (await asMember.GetAsync($"/api/studios/{studioId}/reflections")).ReadAsync(HttpStatusCode.OK);
        Assert.Contains(studioList["items"]!.AsArray(), item => item!.Id() == shared.Id());

        var outsider = service.As(Guid.NewGuid(), "Out", "participant");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/reflections/{shared.Id()}")).StatusCode);
        var outsiderList = await (await outsider.GetAsync($"/api/studios/{studioId}/reflections")).ReadAsync(HttpStatusCode.OK);
        Assert.Empty(outsiderList["items"]!.AsArray());

        // Widening to the network makes it readable by anyone and is announced again.
        await (await asAuthor.PostAsJsonAsync($"/api/reflections/{shared.Id()}/share", new { visibility = "network" }, Api.Json))
            .ReadAsync(HttpStatusCode.OK);
        await log.WaitForAsync(e => e.ReflectionId == shared.Id() && e.Visibility == "network");
        await (await outsider.GetAsync($"/api/reflections/{shared.Id()}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(1, metrics.Sum("reflections.shared", "visibility", "network"));
    }

    [Fact]
    public async Task Reflection_input_is_checked()
    {
        var client = service.As(Guid.NewGuid(), "Ari", "participant");
        var errors = (await (await client.PostAsJsonAsync("/api/reflections", new
        {
            text = "",
            visibility = "everyone",
            practiceId = Guid.NewGuid(),
        }, Api.Json)).ReadAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("text"));
        Assert.True(errors.ContainsKey("visibility"));
        Assert.True(errors.ContainsKey("practiceId"));

        var notMember = (await (await client.PostAsJsonAsync("/api/reflections", new
        {
            text = "Hello", visibility = "studio", studioId = Guid.NewGuid(),
        }, Api.Json)).ReadAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.True(notMember.ContainsKey("studioId"));

        var control = await client.PostAsJsonAsync("/api/reflections", new { text = "bell\u0007" }, Api.Json);
        Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);
        var multiline = await client.PostAsJsonAsync("/api/reflections", new { text = "line one\nline two\ttabbed" }, Api.Json);
        Assert.Equal(HttpStatusCode.Created, multiline.StatusCode);
    }

    [Fact]
    public async Task My_reflections_page_by_cursor_newest_first()
    {
        var author = Guid.NewGuid();
        var client = service.As(author, "Ari", "participant");
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
            ids.Add((await (await client.PostAsJsonAsync("/api/reflections", new { text = $"Note {i}" }, Api.Json)).ReadAsync(HttpStatusCode.Created)).Id());

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync($"/api/people/me/reflections?limit=2{(cursor is null ? "" : "&cursor=" + cursor)}")).ReadAsync(HttpStatusCode.OK);
            seen.AddRange(page["items"]!.AsArray().Select(item => item!.Id()));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);
        Assert.Equal(Enumerable.Reverse(ids), seen);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/people/me/reflections?cursor=not-ours")).StatusCode);
    }
}
