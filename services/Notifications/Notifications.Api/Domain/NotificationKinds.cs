namespace Studios.Notifications.Domain;

/// <summary>What a mail is about. Each kind has its template, can be turned off in a person's preferences and by the
/// one-click unsubscribe link of any mail of that kind.</summary>
public static class NotificationKinds
{
    public const string Invitation = "invitation";
    public const string JoinRequestReceived = "join-request-received";
    public const string JoinRequestDecided = "join-request-decided";
    public const string WaitlistPromoted = "waitlist-promoted";
    public const string RsvpPromoted = "rsvp-promoted";
    public const string SessionReminder = "session-reminder";
    public const string SessionCancelled = "session-cancelled";
    public const string SessionRescheduled = "session-rescheduled";
    public const string StudioApproved = "studio-approved";
    public const string StudioDeclined = "studio-declined";
    public const string StudioPaused = "studio-paused";
    public const string StudioRetired = "studio-retired";
    public const string StudioAtRisk = "studio-at-risk";
    public const string StudioDormant = "studio-dormant";
    public const string StewardDigest = "steward-digest";

    /// <summary>The link that verifies an address someone gave. Not a preference (it is asked for, and goes to an address that
    /// may not be the person's yet), so not in <see cref="All"/>; the address's owner can still stop it by its unsubscribe link.</summary>
    public const string EmailVerification = "email-verification";

    public static readonly IReadOnlyList<string> All =
    [
        Invitation, JoinRequestReceived, JoinRequestDecided, WaitlistPromoted, RsvpPromoted, SessionReminder, SessionCancelled,
        SessionRescheduled, StudioApproved, StudioDeclined, StudioPaused, StudioRetired, StudioAtRisk, StudioDormant, StewardDigest,
    ];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind);

    /// <summary>Kinds about a session: their mails wait until the session is known here.</summary>
    public static bool IsAboutSession(string kind) => kind is RsvpPromoted or SessionReminder or SessionCancelled or SessionRescheduled;
}
