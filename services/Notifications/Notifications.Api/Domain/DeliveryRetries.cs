namespace Studios.Notifications.Domain;

/// <summary>How a failed SMTP send is retried: the delay doubles from the first until it reaches the longest, and after
/// the last attempt the mail is failed (an operator can resend it).</summary>
public static class DeliveryRetries
{
    public static TimeSpan Delay(int attempts, TimeSpan first, TimeSpan longest)
    {
        var delay = first * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        return delay > longest ? longest : delay;
    }

    public static bool GivesUp(int attempts, int maxAttempts) => attempts >= maxAttempts;
}
