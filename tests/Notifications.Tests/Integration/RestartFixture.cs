namespace Studios.Notifications.Tests.Integration;

/// <summary>A service of its own, which the test stops and starts again.</summary>
public sealed class RestartFixture : NotificationsFixture;
