using Studios.Testing;

namespace Studios.Notifications.Tests.Integration;

/// <summary>A person's notification choices are never cached or sniffed, whether read or refused.</summary>
[Trait("Category", "Integration")]
public sealed class SecurityHeadersTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    [Fact]
    public async Task Personal_data_and_errors_carry_the_security_headers()
    {
        using var person = fixture.Factory.ClientFor(Guid.NewGuid(), "Ada", "participant");
        using var anonymous = fixture.Factory.CreateClient();

        await SecurityHeaderChecks.AssertAllAsync(fixture.Factory.Services,
            () => person.GetAsync("/api/people/me/notification-preferences"),
            () => anonymous.GetAsync("/api/people/me/notification-preferences"),
            () => anonymous.GetAsync($"/api/unsubscribe/{Guid.NewGuid():N}"));
    }
}
