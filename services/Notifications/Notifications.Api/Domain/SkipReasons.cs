namespace Studios.Notifications.Domain;

/// <summary>Why a mail was not sent on purpose (the tag of notifications.skipped and the mail's last error).</summary>
public static class SkipReasons
{
    public const string TurnedOff = "turned-off";
    public const string Erased = "erased";
    public const string NoAddress = "no-address";
}
