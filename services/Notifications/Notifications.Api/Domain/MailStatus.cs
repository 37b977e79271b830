namespace Studios.Notifications.Domain;

/// <summary>Where a mail stands: waiting to be sent (or retried), sent, given up after its attempts, or not sent on purpose.</summary>
public static class MailStatus
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Skipped = "skipped";

    public static readonly IReadOnlyList<string> All = [Pending, Sent, Failed, Skipped];

    public static bool IsKnown(string? status) => status is not null && All.Contains(status);
}
