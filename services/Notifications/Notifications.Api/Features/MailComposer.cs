using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Studios.Notifications.Data;
using Studios.Notifications.Domain;
using Studios.Notifications.Extensions;

namespace Studios.Notifications.Features;

/// <summary>Turns a stored mail into its subject and bodies at the moment it is sent: in the recipient's current locale
/// and time zone, to their current address, with names from the read model. What another service's event has not
/// brought yet (the address, the studio, the session) is waited for up to Notifications:ReadModelWait.</summary>
public sealed class MailComposer(
    PeopleRepository people, StudioRepository studios, SessionRepository sessions, FollowUpRepository followUps,
    PreferenceRepository preferences, UnsubscribeRepository unsubscribes, IOptions<NotificationsOptions> options, TimeProvider time)
{
    public async Task<Composition> ComposeAsync(NpgsqlConnection connection, MailRow mail, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var waitedLongEnough = now - mail.CreatedAt >= options.Value.ReadModelWait;
        var facts = JsonSerializer.Deserialize<MailFacts>(mail.Facts ?? "{}") ?? new MailFacts();

        var person = mail.PersonId is { } personId ? await people.FindAsync(connection, personId, ct) : null;
        if (mail.PersonId is { } id)
        {
            if (await people.IsErasedAsync(connection, id, ct)) return Composition.Skip(SkipReasons.Erased);
            if (!(await preferences.GetAsync(connection, id, ct)).Preferences.Allows(mail.Kind)) return Composition.Skip(SkipReasons.TurnedOff);
        }
        if (mail.Address is { } raw && await unsubscribes.IsOptedOutAsync(connection, UnsubscribeTokens.AddressHash(raw), mail.Kind, ct))
            return Composition.Skip(SkipReasons.TurnedOff);
        var address = mail.Address ?? person?.Email;
        if (address is null) return waitedLongEnough ? Composition.Skip(SkipReasons.NoAddress) : Composition.WaitFor("the person's address");

        var studio = facts.StudioId is { } studioId ? await studios.FindAsync(connection, studioId, ct) : null;
        if (facts.StudioId is not null && studio?.Name is null && !waitedLongEnough) return Composition.WaitFor("the studio");
        var session = facts.SessionId is { } sessionId ? await sessions.FindAsync(connection, sessionId, ct) : null;
        if (NotificationKinds.IsAboutSession(mail.Kind) && facts.Title is null && session is null && !waitedLongEnough)
            return Composition.WaitFor("the session");

        var locale = person?.Locale;
        var zone = person?.TimeZone ?? studio?.TimeZone;
        var templateName = TemplateName(mail.Kind, facts);
        var templateLocale = MailTemplates.LocaleFor(templateName, locale);
        // Times in the person's own locale when the template is in their language, else as the (English) template reads.
        var timeLocale = locale is not null && (locale.Equals(templateLocale, StringComparison.OrdinalIgnoreCase)
            || locale.StartsWith(templateLocale + "-", StringComparison.OrdinalIgnoreCase)) ? locale : null;
        var values = new Dictionary<string, TemplateValue>
        {
            ["name"] = TemplateValue.Of(person?.DisplayName ?? ""),
            ["studio"] = TemplateValue.Of(studio?.Name ?? "your studio"),
            ["session"] = TemplateValue.Of(facts.Title ?? (session is { Title.Length: > 0 } ? session.Title : "your session")),
            ["reason"] = TemplateValue.Of(facts.Reason ?? ""),
            ["unsubscribeUrl"] = TemplateValue.Of(Public($"api/unsubscribe/{mail.UnsubscribeToken}")),
            ["preferencesUrl"] = TemplateValue.Of(App("settings/notifications")),
            ["studioUrl"] = TemplateValue.Of(App($"studios/{facts.StudioId}")),
            ["studiosUrl"] = TemplateValue.Of(App("studios")),
            ["sessionUrl"] = TemplateValue.Of(App($"sessions/{facts.SessionId}")),
            ["healthUrl"] = TemplateValue.Of(App($"studios/{facts.StudioId}/health")),
            ["reviewUrl"] = TemplateValue.Of(App($"studios/{facts.StudioId}/members?state=requested")),
            ["followUpsUrl"] = TemplateValue.Of(App("follow-ups")),
            ["acceptUrl"] = TemplateValue.Of(App($"invitations/{facts.Token}")),
            ["verifyUrl"] = TemplateValue.Of(Link(options.Value.MembershipPublicUrl!, $"api/email-verifications/{facts.Token}")),
            ["role"] = TemplateValue.Of(facts.Role ?? ""),
            ["score"] = TemplateValue.Of(facts.Score?.ToString(CultureInfo.InvariantCulture) ?? ""),
            ["reasons"] = TemplateValue.List(facts.Reasons ?? []),
            ["week"] = TemplateValue.Of(facts.Week ?? ""),
        };
        var startsAt = facts.At ?? session?.StartsAt;
        if (startsAt is { } at)
        {
            values["startsAt"] = TemplateValue.Of(LocalTimes.Format(at, zone, timeLocale));
            values["expiresAt"] = values["startsAt"];
        }
        if (facts.PreviousAt is { } previous) values["previousStartsAt"] = TemplateValue.Of(LocalTimes.Format(previous, zone, timeLocale));
        // The other person a mail names: who asked to join, who invited.
        var other = facts.OtherPersonId is { } otherId ? await people.FindAsync(connection, otherId, ct) : null;
        values["requester"] = values["inviter"] = TemplateValue.Of(other?.DisplayName ?? "Someone");
        if (mail.Kind == NotificationKinds.StewardDigest) await AddDigestAsync(connection, mail.PersonId!.Value, zone, values, ct);

        var rendered = MailTemplates.Render(templateName, locale, values);
        return Composition.Ready(rendered, address, person?.DisplayName, values["unsubscribeUrl"].Text);
    }

    /// <summary>A join request's decision has a template per outcome.</summary>
    private static string TemplateName(string kind, MailFacts facts) => kind == NotificationKinds.JoinRequestDecided
        ? facts.State switch { "active" => "join-request-approved", "waitlisted" => "join-request-waitlisted", _ => "join-request-declined" }
        : kind;

    private async Task AddDigestAsync(NpgsqlConnection connection, Guid stewardId, string? zone, Dictionary<string, TemplateValue> values,
        CancellationToken ct)
    {
        var stewarded = await studios.StudiosOfStewardAsync(connection, stewardId, ct);
        values["studios"] = TemplateValue.List(stewarded.Select(s =>
            $"{s.Name ?? "(unnamed)"}: {s.HealthState ?? "not assessed yet"}{(s.HealthScore is { } score ? $" ({score}/100)" : "")}"
            + (s.HealthReasons.Length > 0 ? " - " + string.Join("; ", s.HealthReasons) : "")));
        var today = DateOnly.FromDateTime(LocalTimes.LocalDateTime(time.GetUtcNow(), zone));
        var counts = await followUps.CountsAsync(connection, stewardId, today, ct);
        values["openFollowUps"] = TemplateValue.Of(counts.Open.ToString(CultureInfo.InvariantCulture));
        values["overdueFollowUps"] = TemplateValue.Of(counts.Overdue.ToString(CultureInfo.InvariantCulture));
    }

    private string Public(string path) => Link(options.Value.PublicBaseUrl!, path);

    private string App(string path) => Link(options.Value.AppBaseUrl!, path);

    private static string Link(string baseUrl, string path) => baseUrl.TrimEnd('/') + "/" + path;
}
