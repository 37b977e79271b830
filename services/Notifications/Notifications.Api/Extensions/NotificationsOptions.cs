using System.ComponentModel.DataAnnotations;
using MimeKit;
using Studios.Notifications.Domain;
using Studios.ServiceDefaults.Options;

namespace Studios.Notifications.Extensions;

/// <summary>Notifications settings (section "Notifications"), checked at start-up.</summary>
public sealed class NotificationsOptions : IValidatableObject
{
    public const string Section = "Notifications";

    /// <summary>The From of every mail, e.g. "Studios &lt;studios@example.org&gt;".</summary>
    public string? SenderAddress { get; set; }

    /// <summary>The SMTP server: filled from ConnectionStrings:mail, the name the AppHost and Kubernetes give it.</summary>
    public string? MailServer { get; set; }

    /// <summary>Where this service is reached from outside: the one-click unsubscribe links point here.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Where Membership is reached from outside: the email verification links point at its anonymous
    /// /api/email-verifications/{token}.</summary>
    public string? MembershipPublicUrl { get; set; }

    /// <summary>The people-facing app: links to accept an invitation, see a session or a studio, change settings.</summary>
    public string? AppBaseUrl { get; set; }

    /// <summary>How often due mails are looked for (and failed ones retried).</summary>
    [Positive]
    public TimeSpan DeliveryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>At most this many mails per pass.</summary>
    [Positive]
    public int DeliveryBatch { get; set; } = 100;

    /// <summary>The delay after the first failed send; it doubles with each failure up to <see cref="LongestRetryDelay"/>.</summary>
    [Positive]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Positive]
    public TimeSpan LongestRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Attempts before a mail is failed for an operator to resend (with the defaults, about 4 hours of outage).</summary>
    [Positive]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How long one SMTP connect or command may take.</summary>
    [Positive]
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a mail waits for what it needs from other services' events (the address, the studio) before it is
    /// sent without it, or skipped when there is no address.</summary>
    [Positive]
    public TimeSpan ReadModelWait { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often due reminders are looked for.</summary>
    [Positive]
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the weekly digests are looked at (each steward's goes once a week, from Monday 08:00 in their zone).</summary>
    [Positive]
    public TimeSpan DigestInterval { get; set; } = TimeSpan.FromHours(1);

    [Positive]
    public TimeSpan HousekeepingInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Sent and skipped mails are kept this long (their keys guard against repeats).</summary>
    [Positive]
    public TimeSpan MailRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long an unsubscribe link keeps working.</summary>
    [Positive]
    public TimeSpan UnsubscribeLinkLifetime { get; set; } = TimeSpan.FromDays(365);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MailboxAddress.TryParse(SenderAddress, out _))
            yield return new ValidationResult($"{Section}:{nameof(SenderAddress)} must be a mail address, e.g. \"Studios <studios@example.org>\".",
                [nameof(SenderAddress)]);
        foreach (var (name, value) in new[] { (nameof(PublicBaseUrl), PublicBaseUrl), (nameof(AppBaseUrl), AppBaseUrl), (nameof(MembershipPublicUrl), MembershipPublicUrl) })
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                yield return new ValidationResult($"{Section}:{name} must be an absolute http(s) URL.", [name]);
        }
        if (!MailServerAddress.TryParse(MailServer, out _))
            yield return new ValidationResult("ConnectionStrings:mail must be smtp://host:port (or smtps://, with user:password@ if needed).",
                [nameof(MailServer)]);
    }
}
