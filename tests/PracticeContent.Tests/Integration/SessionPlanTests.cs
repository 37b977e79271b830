using System.Net;
using System.Net.Http.Json;
using Studios.Membership.Contracts;
using Studios.PracticeContent.Contracts;
using Studios.Stewardship.Contracts;
using Studios.Testing;
using Studios.Testing.Telemetry;

namespace Studios.PracticeContent.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SessionPlanTests(SessionPlanTests.Fixture service) : IClassFixture<SessionPlanTests.Fixture>
{
    public sealed class Fixture : PracticeContentFixture
    {
        protected override string Name => "practice_plans";
    }

    private readonly Guid _facilitator = Guid.NewGuid();

    private HttpClient Facilitator => service.As(_facilitator, "Fran", "facilitator");

    private async Task<(Guid Id, int Version)> PublishedPracticeAsync(string title, bool twice = false)
    {
        var v1 = await Facilitator.CreatePublishedPracticeAsync(Api.Practice(title));
        var id = v1.Id("practiceId");
        if (!twice) return (id, 1);
        await (await Facilitator.PutAsJsonAsync($"/api/practices/{id}", Api.Practice(title + " (revised)"), Api.Json)).ReadAsync(HttpStatusCode.OK);
        await (await Facilitator.PostAsync($"/api/practices/{id}/publish", null)).ReadAsync(HttpStatusCode.Created);
        return (id, 2);
    }

    [Fact]
    public async Task A_studio_plan_copied_from_a_template_is_pinned_to_versions_and_published_as_an_event()
    {
        using var metrics = new MetricRecorder(service.Factory.Services, "Studios.PracticeContent");
        var studioId = await service.ApprovedStudioAsync(_facilitator);
        var (practiceId, _) = await PublishedPracticeAsync("Pinned practice", twice: true);
        Assert.Equal(2, metrics.Sum("practices.published", "adaptation", false));
        var template = await (await Facilitator.PostAsJsonAsync("/api/session-plans", new
        {
            kind = "template",
            title = "Evening circle",
            sessionMinutes = 60,
            steps = new object[]
            {
                new { title = "Check-in", minutes = 10 },
                new { practiceId, version = 1, minutes = 20 },
                new { title = "Close", notes = "Thank everyone", minutes = 5 },
            },
        }, Api.Json)).ReadAsync(HttpStatusCode.Created);
        Assert.Equal(35, template["totalMinutes"]!.GetValue<int>());
        Assert.Equal("Pinned practice", template["steps"]![1]!["title"]!.GetValue<string>());
        await (await Facilitator.PostAsync($"/api/session-plans/{template.Id()}/publish", null)).ReadAsync(HttpStatusCode.OK);

        var log = await service.Bus.ObserveAsync<SessionPlanPublished>();
        var plan = await (await Facilitator.PostAsJsonAsync("/api/session-plans", new
        {
            kind = "studio",
            studioId,
            templateId = template.Id(),
            sessionMinutes = 45,
        }, Api.Json)).ReadAsync(HttpStatusCode.Created);
        Assert.Equal("Evening circle", plan["title"]!.GetValue<string>());
        Assert.Equal(template.Id(), plan.Id("templateId"));
        Assert.Equal(1, plan["steps"]![1]!["version"]!.GetValue<int>());

        var published = await (await Facilitator.PostAsync($"/api/session-plans/{plan.Id()}/publish", null)).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("published", published["status"]!.GetValue<string>());
        var evt = await log.WaitForAsync(e => e.PlanId == plan.Id());
        Assert.Equal(studioId, evt.StudioId);
        Assert.Equal(35, evt.TotalMinutes);
        var pinned = Assert.Single(evt.Practices);
        Assert.Equal((practiceId, 1, 20), (pinned.PracticeId, pinned.Version, pinned.Minutes));

        var again = await Facilitator.PostAsync($"/api/session-plans/{plan.Id()}/publish", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(1, metrics.Sum("session_plans.published")); // the template's publish is not a studio plan

        var list = await (await Facilitator.GetAsync($"/api/studios/{studioId}/session-plans")).ReadAsync(HttpStatusCode.OK);
        Assert.Contains(list["items"]!.AsArray(), item => item!.Id() == plan.Id());
    }

    [Fact]
    public async Task Steps_must_fit_the_session_and_pin_published_versions()
    {
        var studioId = await service.ApprovedStudioAsync(_facilitator);
        var (practiceId, _) = await PublishedPracticeAsync("Fits or not");
        var response = await Facilitator.PostAsJsonAsync("/api/session-plans", new
        {
            kind = "studio",
            studioId,
            title = "Too long",
            sessionMinutes = 30,
            steps = new object[] { new { practiceId, version = 1, minutes = 25 }, new { title = "Chat", minutes = 10 } },
        }, Api.Json);
        var problem = await response.ReadAsync(HttpStatusCode.BadRequest);
        Assert.Contains("does not fit", problem["errors"]!["steps"]![0]!.GetValue<string>());

        var unknown = await Facilitator.PostAsJsonAsync("/api/session-plans", new
        {
            kind = "studio",
            studioId,
            title = "Unknown version",
            sessionMinutes = 30,
            steps = new object[] { new { practiceId, version = 7, minutes = 10 }, new { practiceId = Guid.NewGuid(), version = 1, minutes = 10 } },
        }, Api.Json);
        var errors = (await unknown.ReadAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("steps[0].version"));
        Assert.True(errors.ContainsKey("steps[1].version"));

        var latestOnly = await Facilitator.PostAsJsonAsync("/api/session-plans", new
        {
            kind = "studio", studioId, title = "No version", sessionMinutes = 30, steps = new object[] { new { practiceId, minutes = 10 } },
        }, Api.Json);
        Assert.True((await latestOnly.ReadAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().ContainsKey("steps[0].version"));
    }

    [Fact]
    public async Task Only_the_studio_facilitators_author_its_plans_as_the_roster_changes()
    {
        var studioId = await service.ApprovedStudioAsync(_facilitator);
        var member = Guid.NewGuid();
        await service.JoinAsync(studioId, member);
        var body = new { kind = "studio", studioId, title = "Member plan", sessionMinutes = 30, steps = Array.Empty<object>() };

        var asMember = service.As(member, "Mo", "facilitator");
        Assert.Equal(HttpStatusCode.Forbidden, (await asMember.PostAsJsonAsync("/api/session-plans", body, Api.Json)).StatusCode);

        await service.Bus.PublishAsync(new MemberRoleChanged(studioId, member, "participant", "co-facilitator", _facilitator, DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(async () => (await asMember.PostAsJsonAsync("/api/session-plans", body, Api.Json)).StatusCode == HttpStatusCode.Created,
            PracticeContentFixture.Patience, "a promoted co-facilitator to author plans");

        // A leave that happened earlier than the promotion, delivered late, changes nothing.
        await service.Bus.PublishAsync(new MemberLeftStudio(studioId, member, "participant", "left", DateTimeOffset.UtcNow.AddHours(-1)));
        await service.Bus.PublishAsync(new MemberLeftStudio(studioId, member, "co-facilitator", "left", DateTimeOffset.UtcNow.AddSeconds(1)));
        await Eventually.TrueAsync(async () => (await asMember.PostAsJsonAsync("/api/session-plans", body, Api.Json)).StatusCode == HttpStatusCode.Forbidden,
            PracticeContentFixture.Patience, "a member who left to lose plan authoring");
        var outsiderList = await asMember.GetAsync($"/api/studios/{studioId}/session-plans");
        Assert.Equal(HttpStatusCode.Forbidden, outsiderList.StatusCode);
    }

    [Fact]
    public async Task A_retired_studio_takes_no_new_plans_even_when_its_approval_arrives_late()
    {
        var studioId = await service.ApprovedStudioAsync(_facilitator);
        var draft = await (await Facilitator.PostAsJsonAsync("/api/session-plans",
            new { kind = "studio", studioId, title = "Before retirement", sessionMinutes = 30, steps = new[] { new { title = "Talk", minutes = 10 } } },
            Api.Json)).ReadAsync(HttpStatusCode.Created);

        await service.Bus.PublishAsync(new StudioRetired(studioId, "closing", Guid.NewGuid(), DateTimeOffset.UtcNow));
        await service.Bus.PublishAsync(new StudioApproved(studioId, "Late approval", _facilitator, 10, "UTC", Guid.NewGuid(), null,
            DateTimeOffset.UtcNow.AddDays(-30)));
        var body = new { kind = "studio", studioId, title = "After", sessionMinutes = 30, steps = Array.Empty<object>() };
        await Eventually.TrueAsync(async () => (await Facilitator.PostAsJsonAsync("/api/session-plans", body, Api.Json)).StatusCode == HttpStatusCode.Conflict,
            PracticeContentFixture.Patience, "a retired studio to refuse new plans");
        Assert.Equal(1L, await service.ScalarAsync<long>(
            "SELECT count(*) FROM studios WHERE studio_id = @studioId AND retired_at IS NOT NULL", new { studioId }));
        Assert.Equal(HttpStatusCode.Conflict, (await Facilitator.PostAsync($"/api/session-plans/{draft.Id()}/publish", null)).StatusCode);

        var unknownStudio = await Facilitator.PostAsJsonAsync("/api/session-plans", body with { studioId = Guid.NewGuid() }, Api.Json);
        Assert.True((await unknownStudio.ReadAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().ContainsKey("studioId"));
    }

    [Fact]
    public async Task Templates_are_authored_by_facilitators_and_stewards_and_read_by_all_once_published()
    {
        var participant = service.As(Guid.NewGuid(), "Pat", "participant");
        var body = new { kind = "template", title = "Morning", sessionMinutes = 20, steps = new[] { new { title = "Stretch", minutes = 5 } } };
        Assert.Equal(HttpStatusCode.Forbidden, (await participant.PostAsJsonAsync("/api/session-plans", body, Api.Json)).StatusCode);

        var steward = service.As(Guid.NewGuid(), "Stew", "steward");
        var template = await (await steward.PostAsJsonAsync("/api/session-plans", body, Api.Json)).ReadAsync(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NotFound, (await participant.GetAsync($"/api/session-plans/{template.Id()}")).StatusCode);
        await (await steward.PostAsync($"/api/session-plans/{template.Id()}/publish", null)).ReadAsync(HttpStatusCode.OK);
        var read = await (await participant.GetAsync($"/api/session-plans/{template.Id()}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("template", read["kind"]!.GetValue<string>());
        var templates = await (await participant.GetAsync("/api/session-plans/templates")).ReadAsync(HttpStatusCode.OK);
        Assert.Contains(templates["items"]!.AsArray(), item => item!.Id() == template.Id());
    }
}
