namespace Studios.Web.Services;

/// <summary>Notifications: here only for the person's data export (its own ExportAsync).</summary>
public sealed class NotificationsClient(HttpClient http) : ServiceClient(http);
