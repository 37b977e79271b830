namespace Studios.Notifications.Tests.Integration;

/// <summary>A service of its own, so its clock can be set to a daylight-saving change without disturbing other tests.</summary>
public sealed class DaylightSavingFixture : NotificationsFixture;
