namespace Studios.Notifications.Domain;

/// <summary>The facts of the event a mail is about, kept with the mail until it is sent; names, addresses, zones and
/// locales are looked up when it is rendered. Each kind uses the fields its template needs.</summary>
public sealed record MailFacts
{
    public Guid? StudioId { get; init; }
    public Guid? SessionId { get; init; }

    /// <summary>The other person the mail names: the requester, the inviter.</summary>
    public Guid? OtherPersonId { get; init; }

    public string? Role { get; init; }

    /// <summary>The one-time token of an invitation (the accept link) or an email verification (the verify link).</summary>
    public string? Token { get; init; }

    /// <summary>The session's start (its new start for a reschedule), or when an invitation or a verification link expires.</summary>
    public DateTimeOffset? At { get; init; }

    public DateTimeOffset? PreviousAt { get; init; }
    public string? Title { get; init; }
    public string? Reason { get; init; }
    public string? State { get; init; }
    public int? Score { get; init; }
    public IReadOnlyList<string>? Reasons { get; init; }

    /// <summary>When a reminder was due (its lag is measured from here).</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>The ISO week a digest covers (2026-W14).</summary>
    public string? Week { get; init; }
}
