namespace Studios.Notifications.Apis.Models;

/// <summary>How many failed mails are pending again.</summary>
public sealed record ResendResponse(int Resent);
