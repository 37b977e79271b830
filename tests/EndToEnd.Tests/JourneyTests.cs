using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Studios.Testing.Mail;
using Xunit.Abstractions;
using static Studios.EndToEnd.Tests.Service;

namespace Studios.EndToEnd.Tests;

/// <summary>
/// One studio's life across the four services, through the running AppHost, over HTTP with dev tokens. Every step's
/// effect is asserted in the service that owns it, polling with a deadline where an event has to travel first.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class JourneyTests(RunningSystem system, ITestOutputHelper output)
{
    private const string Zone = "Europe/Berlin";
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    [Fact]
    public async Task A_studio_from_proposal_to_retirement()
    {
        output.WriteLine($"AppHost up in {system.StartupTime.TotalSeconds:0} s");
        var operatorOlu = await system.SignInAsync("Olu", "operator");
        var sam = await system.SignInAsync("Sam", "steward");
        var fay = await system.SignInAsync("Fay", "facilitator");
        var ana = await system.SignInAsync("Ana", "participant");
        var ben = await system.SignInAsync("Ben", "participant");
        var cy = await system.SignInAsync("Cy", "participant");
        using var mailbox = new Mailbox(system.Studios.Url("mail"));
        foreach (var person in new[] { fay, ana, ben, cy, sam })
            await person.PostAsync(Membership, "/api/people", new { displayName = person.Name, email = person.Email, timeZone = Zone, locale = "en-GB" },
                HttpStatusCode.Created);
        // An address counts once its owner opens the link mailed to it (Ben verifies his later, when his invitation needs it).
        foreach (var person in new[] { fay, ana, cy, sam })
            await VerifyEmailAsync(mailbox, person);
        Step("registered; addresses verified by the mailed links");
        // Only a registered person may steward: the pool takes Sam once Stewardship has heard PersonRegistered.
        await Until(async () =>
            {
                using var added = await operatorOlu.SendRawAsync(HttpMethod.Post, Stewardship, "/api/stewards",
                    new { personId = sam.Id, displayName = "Sam", maxStudios = 5 });
                return added.StatusCode;
            }, status => status == HttpStatusCode.Created, "Stewardship to know Sam as a registered person and take him into the pool");
        // Ben wants his session reminders five minutes before (the shortest a person may choose).
        await ben.PutAsync(Notifications, "/api/people/me/notification-preferences", new { enabled = new { }, reminderMinutesBefore = new[] { 5 } });

        // A facilitator proposes a studio; a steward approves it (the approval's trace is ours: we send its traceparent).
        var proposed = await fay.PostAsync(Stewardship, "/api/studios", new
        {
            name = $"Listening circle {Guid.NewGuid():N}"[..30],
            purpose = "Practise deep listening together until it becomes a way of being.",
            practiceFocus = "Deep listening",
            intendedCadence = "weekly",
            capacity = 2,
            timeZone = Zone,
            foundingFacilitatorId = fay.Id,
        }, HttpStatusCode.Created);
        var studioId = proposed.Id();
        Assert.Equal("proposed", (string?)proposed["state"]);
        Step("studio proposed");

        var approvalTrace = ActivityTraceId.CreateRandom().ToHexString();
        var approved = await sam.PostAsync(Stewardship, $"/api/studios/{studioId}/approve", new { },
            headers: new Dictionary<string, string> { ["traceparent"] = $"00-{approvalTrace}-{ActivitySpanId.CreateRandom().ToHexString()}-01" });
        Assert.Equal("active", (string?)approved["state"]);
        Assert.Contains(sam.Id, approved["stewards"]!.AsArray().Select(s => s!.GetValue<Guid>()));
        Step("studio approved");

        // The roster opens (Membership) with the founding facilitator; sessions may be scheduled (Scheduling).
        var roster = await Until(() => fay.GetAsync(Membership, $"/api/studios/{studioId}"),
            s => (string?)s["status"] == "open", "the roster to open in Membership");
        Assert.Equal(2, (int)roster["capacity"]!);
        Assert.Equal("request-to-join", (string?)roster["joinPolicy"]);
        var founder = await Member(sam, studioId, fay);
        Assert.Equal(("facilitator", "active", "founding"), ((string?)founder["role"], (string?)founder["state"], (string?)founder["joinedVia"]));
        await Until(() => fay.GetAsync(Scheduling, $"/api/studios/{studioId}/series"), _ => true,
            "Scheduling to know the studio and its facilitator");
        Step("roster open, scheduling ready");

        // Three people join: one by request, one by invitation, and one waitlisted at capacity 2.
        var anaRequest = await ana.PostAsync(Membership, $"/api/studios/{studioId}/join-requests", new { intakeAnswer = "I want to listen better." },
            HttpStatusCode.Created);
        Assert.Equal("requested", (string?)anaRequest["state"]);
        var anaJoined = await fay.PostAsync(Membership, $"/api/studios/{studioId}/join-requests/{anaRequest.Id("membershipId")}/approve", null);
        Assert.Equal(("active", "request"), ((string?)anaJoined["state"], (string?)anaJoined["joinedVia"]));

        var invitation = await fay.PostAsync(Membership, $"/api/studios/{studioId}/invitations", new { email = ben.Email }, HttpStatusCode.Created);
        var invitationMail = Assert.Single(await mailbox.WaitForAsync(ben.Email, Kind("invitation")));
        Assert.Contains($"/invitations/{(string?)invitation["token"]}", invitationMail.Text, StringComparison.Ordinal);
        // Ben's address is still only his claim: he is told to verify it first, opens the link mailed to it, then accepts.
        var unverified = await ben.PostAsync(Membership, $"/api/invitations/{(string?)invitation["token"]}/accept", null, HttpStatusCode.Forbidden);
        Assert.Equal("email-not-verified", (string?)unverified["reason"]);
        await VerifyEmailAsync(mailbox, ben);
        var benJoined = await ben.PostAsync(Membership, $"/api/invitations/{(string?)invitation["token"]}/accept", null);
        Assert.Equal(("active", "invitation"), ((string?)benJoined["state"], (string?)benJoined["joinedVia"]));

        var cyRequest = await cy.PostAsync(Membership, $"/api/studios/{studioId}/join-requests", new { intakeAnswer = "Curious." },
            HttpStatusCode.Created);
        var cyWaiting = await fay.PostAsync(Membership, $"/api/studios/{studioId}/join-requests/{cyRequest.Id("membershipId")}/approve", null);
        Assert.Equal("waitlisted", (string?)cyWaiting["state"]);
        Assert.Equal(1, (long)cyWaiting["waitlistPosition"]!);
        var full = await fay.GetAsync(Membership, $"/api/studios/{studioId}");
        Assert.Equal((2L, 0L, 1L), ((long)full["activeParticipants"]!, (long)full["placesLeft"]!, (long)full["waitlistLength"]!));
        Step("three joined: request, invitation, waitlist");

        // The facilitator publishes a practice and a studio session plan (PracticeContent).
        var practice = await fay.PostAsync(PracticeContent, "/api/practices", new
        {
            title = "Listening in pairs",
            intent = "Hear someone fully before answering.",
            invitation = "Find a partner.",
            instructions = "1. One speaks for three minutes\n2. The other listens, then reflects back",
            steps = new object[] { new { title = "Pair up", minutes = 2 }, new { title = "Speak and listen", minutes = 12 } },
            minMinutes = 15, maxMinutes = 25, minGroupSize = 2, maxGroupSize = 12,
            skills = new[] { "listening" }, tags = new[] { "pairs" }, inPerson = true, online = true, licence = "CC BY-SA 4.0",
        }, HttpStatusCode.Created);
        var practiceId = practice.Id();
        var version = await fay.PostAsync(PracticeContent, $"/api/practices/{practiceId}/publish", null, HttpStatusCode.Created);
        Assert.Equal(1, (int)version["version"]!);

        var planKey = Guid.NewGuid().ToString();
        var plan = await Until(() => fay.PostAsync(PracticeContent, "/api/session-plans", new
            {
                kind = "studio",
                studioId,
                title = "First circle",
                sessionMinutes = 60,
                steps = new object[] { new { title = "Arrive", minutes = 10 }, new { practiceId, version = 1, minutes = 20 } },
            }, HttpStatusCode.Created, new Dictionary<string, string> { ["Idempotency-Key"] = planKey }),
            _ => true, "PracticeContent to know the studio's facilitator");
        var planId = plan.Id();
        await fay.PostAsync(PracticeContent, $"/api/session-plans/{planId}/publish", null);
        Step("practice and plan published");

        // A weekly series whose first session starts within the next two minutes (at a whole minute, as series
        // start), so attendance can be taken in this test once it has begun.
        var firstStart = NextMinute(DateTimeOffset.UtcNow.AddSeconds(45));
        var local = TimeZoneInfo.ConvertTime(firstStart, TimeZoneInfo.FindSystemTimeZoneById(Zone));
        var series = await fay.PostAsync(Scheduling, $"/api/studios/{studioId}/series", new
        {
            title = "Listening circle",
            rule = "FREQ=WEEKLY",
            startDate = local.ToString("yyyy-MM-dd"),
            startTime = local.ToString("HH:mm"),
            durationMinutes = 60,
            location = "Community hall",
            count = 8,
        }, HttpStatusCode.Created);
        var sessions = (await fay.GetAsync(Scheduling, $"/api/studios/{studioId}/sessions"))["items"]!.AsArray();
        Assert.True(sessions.Count >= 2, $"expected the series' sessions: {sessions.ToJsonString()}");
        Assert.All(sessions, s => Assert.Equal(series.Id(), s!.Id("seriesId")));
        var first = sessions[0]!;
        var second = sessions[1]!;
        Assert.Equal(firstStart, first["startsAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(firstStart.AddDays(7), second["startsAt"]!.GetValue<DateTimeOffset>());
        Step("weekly series scheduled");

        // Scheduling attaches the published plan once SessionPlanPublished has reached it.
        await Until(() => fay.PutAsync(Scheduling, $"/api/sessions/{first.Id()}/plan", new { planId }), _ => true,
            "Scheduling to know the published plan");
        Assert.Equal(planId, (await fay.GetAsync(Scheduling, $"/api/sessions/{first.Id()}")).Id("planId"));
        Step("plan attached");

        // Members RSVP (Scheduling learns of them from MemberJoinedStudio); the waitlisted one is not a member yet.
        foreach (var member in new[] { ana, ben })
        {
            foreach (var session in new[] { first, second })
            {
                var rsvp = await Until(() => member.PutAsync(Scheduling, $"/api/sessions/{session.Id()}/rsvps/me", new { response = "going" }),
                    _ => true, $"{member.Name} to be a member in Scheduling");
                Assert.Equal("going", (string?)rsvp["status"]);
            }
        }
        using (var refused = await cy.SendRawAsync(HttpMethod.Put, Scheduling, $"/api/sessions/{second.Id()}/rsvps/me", new { response = "going" }))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(2, (int)(await fay.GetAsync(Scheduling, $"/api/sessions/{first.Id()}"))["going"]!);
        Step("RSVPs");

        // One of Ben's sessions is cancelled and another moved to start in a few minutes: both are announced to him by
        // mail, and his five-minute reminder for the moved one follows (looked for once it is due, below).
        var third = sessions[2]!;
        await ben.PutAsync(Scheduling, $"/api/sessions/{third.Id()}/rsvps/me", new { response = "going" });
        await fay.PostAsync(Scheduling, $"/api/sessions/{third.Id()}/cancel", new { reason = "The hall is closed that week." });
        var movedTo = NextMinute(DateTimeOffset.UtcNow.AddMinutes(6));
        await fay.PostAsync(Scheduling, $"/api/sessions/{second.Id()}/reschedule", new { startsAt = movedTo });
        Assert.Single(await mailbox.WaitForAsync(ben.Email, Kind("session-cancelled")));
        Assert.Single(await mailbox.WaitForAsync(ben.Email, Kind("session-rescheduled")));
        Step("a session cancelled and one moved, both announced by mail");

        // Attendance once the session has started (Scheduling answers 409 before).
        var attendance = await Until(
            () => fay.PutAsync(Scheduling, $"/api/sessions/{first.Id()}/attendance", new
            {
                entries = new[] { new { personId = ana.Id, status = "present" }, new { personId = ben.Id, status = "late" } },
            }),
            _ => true, TimeSpan.FromMinutes(3), "the first session to start so attendance can be recorded");
        Assert.Equal((1, 1), ((int)attendance["present"]!, (int)attendance["late"]!));
        Assert.True((await fay.GetAsync(Scheduling, $"/api/sessions/{first.Id()}"))["held"]!.GetValue<bool>());
        Step("attendance recorded");

        // PracticeContent counts the practice's use (SessionHeld names the attached plan's practice versions).
        var usage = (await Until(() => fay.GetAsync(PracticeContent, $"/api/practices/{practiceId}"),
            p => (int)p["usage"]!["timesPractised"]! == 1, "PracticeContent to count the practice's use"))["usage"]!;
        Assert.Equal((1, 2L), ((int)usage["studios"]!, (long)usage["attendees"]!));
        Step("practice usage counted");

        // Stewardship's health reflects the members, the attendance and the cadence.
        var health = await Until(() => sam.GetAsync(Stewardship, $"/api/studios/{studioId}/health"),
            h => (int)h["figures"]!["activeMembers"]! == 3 && (int)h["figures"]!["sessionsHeldLast90Days"]! == 1 &&
                 h["attendanceRate"] is not null,
            "Stewardship's health to reflect members, attendance and cadence");
        Assert.Equal(1, (int)health["figures"]!["activeFacilitators"]!);
        Assert.Equal(1.0, (double)health["attendanceRate"]!);
        Assert.Equal(1.0, (double)health["cadenceKept"]!);
        var attendancePoints = health["components"]!.AsArray().Single(c => (string?)c!["name"] == "attendance")!;
        Assert.Equal((int)attendancePoints["maxPoints"]!, (int)attendancePoints["points"]!);
        output.WriteLine($"health: {health["state"]} {health["score"]} ({string.Join("; ", health["reasons"]!.AsArray())})");
        Step("health reflects members, attendance, cadence");

        // A member leaves: the waitlisted one is promoted (Membership), Ana's RSVP is withdrawn and Cy takes the place (Scheduling).
        await ana.PostAsync(Membership, $"/api/studios/{studioId}/members/{ana.Id}/leave", null);
        Assert.Equal("left", (string?)(await Member(sam, studioId, ana))["state"]);
        var promoted = await Member(sam, studioId, cy);
        Assert.Equal(("active", "waitlist"), ((string?)promoted["state"], (string?)promoted["joinedVia"]));
        await Until(() => fay.GetAsync(Scheduling, $"/api/sessions/{second.Id()}/rsvps"),
            r => !r.AsArray().Any(x => x!.Id("personId") == ana.Id && (string?)x!["status"] == "going"),
            "Scheduling to withdraw the leaver's RSVP");
        var cyRsvp = await Until(() => cy.PutAsync(Scheduling, $"/api/sessions/{second.Id()}/rsvps/me", new { response = "going" }),
            _ => true, "Scheduling to know the promoted member");
        Assert.Equal("going", (string?)cyRsvp["status"]);
        await Until(() => sam.GetAsync(Stewardship, $"/api/studios/{studioId}/health"),
            h => (int)h["figures"]!["leavesLast90Days"]! == 1 && (int)h["figures"]!["activeMembers"]! == 3,
            "Stewardship to count the leave and the promotion");
        Assert.Single(await mailbox.WaitForAsync(cy.Email, Kind("waitlist-promoted")));
        Step("leave, promotion by mail, RSVP held");

        var reminder = Assert.Single(await mailbox.WaitForAsync(ben.Email, Kind("session-reminder"), timeout: TimeSpan.FromMinutes(4)));
        Assert.Contains("Listening circle", reminder.Subject + reminder.Text, StringComparison.Ordinal);
        Step("Ben reminded five minutes before the moved session");

        // The facilitator erases her account: with no facilitator left the studio is at risk, and its steward hears of it.
        await fay.SendAsync(HttpMethod.Delete, Membership, $"/api/people/{fay.Id}", null, HttpStatusCode.NoContent);
        await Until(() => sam.GetAsync(Stewardship, $"/api/studios/{studioId}/health"), h => (string?)h["state"] == "at-risk",
            "Stewardship to see the studio without a facilitator at risk");
        Assert.Single(await mailbox.WaitForAsync(sam.Email, Kind("studio-at-risk")));
        Step("at risk without a facilitator, the steward told by mail");

        // The studio is retired: future sessions are cancelled (Scheduling), the roster closes (Membership).
        var retired = await sam.PostAsync(Stewardship, $"/api/studios/{studioId}/retire", new { reason = "The circle completed its work." });
        Assert.Equal("retired", (string?)retired["state"]);
        var future = await Until(() => sam.GetAsync(Scheduling, $"/api/studios/{studioId}/sessions"),
            page => page["items"]!.AsArray() is { Count: > 0 } items && items.All(s => (string?)s!["status"] == "cancelled"),
            "Scheduling to cancel the future sessions");
        Assert.Contains(future["items"]!.AsArray(), s => s!.Id() == second.Id());
        await Until(() => sam.GetAsync(Membership, $"/api/studios/{studioId}"), s => (string?)s["status"] == "retired",
            "Membership to close the roster");
        Assert.Equal("alumni", (string?)(await Member(sam, studioId, ben))["state"]);
        Step("retired, future sessions cancelled");

        // The approval's trace, as the Aspire dashboard received it over OTLP (its telemetry API), crosses the five services.
        using var telemetry = system.Studios.TelemetryApi();
        var trace = await Until(() => telemetry.GetFromJsonAsync<JsonObject>($"/api/telemetry/traces/{approvalTrace}")!,
            t => Spans(t!).Any(s => s.Service == "stewardship" && s.Kind == SpanKind.Server) &&
                 Spans(t!).Any(s => s.Service == "membership" && s.Kind == SpanKind.Consumer) &&
                 Spans(t!).Any(s => s.Service == "scheduling" && s.Kind == SpanKind.Consumer) &&
                 Spans(t!).Any(s => s.Service == "practice-content" && s.Kind == SpanKind.Consumer) &&
                 Spans(t!).Any(s => s.Service == "notifications" && s.Kind == SpanKind.Consumer),
            "the approval's trace to hold Stewardship's request and the other services' consumers");
        foreach (var span in Spans(trace!).OrderBy(s => s.Start)) output.WriteLine($"  {span.Service,-17} {span.Kind,-9} {span.Name}");
        Step("approval trace crosses the services");

        // The same dashboard in a real browser: every service Running and Healthy, the approval's trace, the business meters.
        await DashboardInBrowser.SeeTheJourneyAsync(system.Studios, approvalTrace, output);
        Step("dashboard seen in Chromium");
    }

    private static async Task<JsonNode> Member(Person reader, Guid studioId, Person member)
    {
        var page = await reader.GetAsync(Membership, $"/api/studios/{studioId}/members?limit=200");
        return page["items"]!.AsArray().Last(m => m!.Id("personId") == member.Id)!;
    }

    private static Func<ReceivedMail, bool> Kind(string kind) => mail => mail.Header("X-Studios-Notification") == kind;

    /// <summary>What the person does with the verification mail: opens its link (a page with a button, so a mail scanner
    /// verifies nothing) and presses the button, without signing in.</summary>
    private static async Task VerifyEmailAsync(Mailbox mailbox, Person person)
    {
        var mail = Assert.Single(await mailbox.WaitForAsync(person.Email, Kind("email-verification")));
        var link = Regex.Match(mail.Text, @"https?://\S+/api/email-verifications/[A-Za-z0-9_-]+").Value;
        Assert.False(string.IsNullOrEmpty(link), $"the verification mail to {person.Name} has the link: {mail.Text}");
        using var browser = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var page = await browser.GetAsync(link);
        Assert.Contains("<form method=\"post\">", await page.Content.ReadAsStringAsync());
        using var confirmed = await browser.PostAsync(link, new FormUrlEncodedContent([new KeyValuePair<string, string>("confirm", "yes")]));
        var body = await confirmed.Content.ReadAsStringAsync();
        Assert.True(confirmed.StatusCode == HttpStatusCode.OK, $"verifying {person.Name}'s address answered {(int)confirmed.StatusCode}: {body}");
        Assert.Contains("is verified", body);
    }

    private enum SpanKind { Unspecified, Internal, Server, Client, Producer, Consumer }

    /// <summary>The spans of an OTLP JSON trace (resourceSpans → scopeSpans → spans) with their service's name.</summary>
    private static IEnumerable<(string Service, SpanKind Kind, string Name, long Start)> Spans(JsonObject trace) =>
        from resource in trace["data"]!["resourceSpans"]!.AsArray()
        let service = resource!["resource"]!["attributes"]!.AsArray()
            .Single(a => (string?)a!["key"] == "service.name")!["value"]!["stringValue"]!.GetValue<string>()
        from scope in resource["scopeSpans"]!.AsArray()
        from span in scope!["spans"]!.AsArray()
        select (service, (SpanKind)(int)span!["kind"]!, (string)span["name"]!, long.Parse((string)span["startTimeUnixNano"]!));

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string because) =>
        Eventually.MatchAsync(probe, done, Patience, because);

    private static Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string because) =>
        Eventually.MatchAsync(probe, done, timeout, because);

    private static DateTimeOffset NextMinute(DateTimeOffset at) =>
        new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero).AddMinutes(1);

    private void Step(string what) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:0.0} s  {what}");
}

internal static class JsonIds
{
    public static Guid Id(this JsonNode node, string property = "id") => node[property]!.GetValue<Guid>();
}
